package org.kaifang.register;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.kaifang.licensing.CreditList;
import org.kaifang.licensing.CreditListEntry;
import org.kaifang.licensing.LicenceChange;
import org.kaifang.licensing.LicenceChanged;
import org.kaifang.licensing.LicenceId;
import org.kaifang.licensing.LicenceView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public register's read model: licences as they stand, their history, and the credit lists, kept from the
 * licensing module's events and searched by anyone.
 *
 * <p>Writes come only from {@link RegisterUpdates}, in the publisher's transaction. A licence's row is replaced only by
 * a newer version, so an event delivered twice or late changes nothing it should not; its history keeps every
 * version it was told of.
 */
// Its constructor creates the search indexes (RegisterIndexes) in tables that Flyway makes.
@org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization
@Service
public class Register {

    /**
     * Matches of a filtered search are counted only up to this many; past it the page says "more than" (paging stops
     * here anyway, {@link RegisterQuery#MAX_OFFSET}), see {@link RegisterPage#capped()}.
     */
    public static final long COUNT_LIMIT = RegisterQuery.MAX_OFFSET;

    /** Facets of a filtered search are counted only up to this many matches; see {@link RegisterPage#facets()}. */
    public static final long FACET_LIMIT = COUNT_LIMIT;

    /** Dates in the register (the daily delta's day) are days in China. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final List<String> FACETS = List.of("status", "service", "area", "foreignInvested", "pilot");

    private final JdbcClient jdbc;
    /** Reads of the public register: the replica's, when there is one ({@link RegisterReads}). */
    private final JdbcClient reads;

    private final org.springframework.transaction.support.TransactionTemplate readOnly;
    private final javax.sql.DataSource dataSource;
    private final long countLimit;
    private final boolean postgres;
    private final @Nullable NameGrams grams;

    @org.springframework.beans.factory.annotation.Autowired
    Register(javax.sql.DataSource dataSource, RegisterReads reads) {
        this(dataSource, reads, COUNT_LIMIT);
    }

    /** Reading from the database it writes to. */
    Register(javax.sql.DataSource dataSource) {
        this(dataSource, RegisterReads.of(dataSource), COUNT_LIMIT);
    }

    /** With another count limit than {@link #COUNT_LIMIT}, so that tests can reach it with a few licences. */
    Register(javax.sql.DataSource dataSource, long countLimit) {
        this(dataSource, RegisterReads.of(dataSource), countLimit);
    }

    Register(javax.sql.DataSource dataSource, RegisterReads reads, long countLimit) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.reads = JdbcClient.create(reads.dataSource());
        this.readOnly = new org.springframework.transaction.support.TransactionTemplate(reads.transactions());
        this.readOnly.setReadOnly(true);
        this.countLimit = countLimit;
        try (var connection = dataSource.getConnection()) {
            this.postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot tell which database the register is in", e);
        }
        // Before the first search: it may look names up in the grams index only once the index is there.
        this.grams = RegisterIndexes.ensure(dataSource) ? new NameGrams(this.reads) : null;
    }

    /** Keeps a licence's change: the row if the version is newer than the one held, and the history in any case. */
    @Transactional
    void apply(LicenceChanged e) {
        var view = e.licence();
        var json = JSON.writeValueAsString(view);
        var at = OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC);
        var day = LocalDate.ofInstant(e.at(), CHINA);
        var known = jdbc.sql("select count(*) from register.licence_history where licence_id = :id and version = :v")
                        .param("id", view.id().value())
                        .param("v", view.version())
                        .query(Long.class)
                        .single()
                > 0;
        if (!known) {
            jdbc.sql("""
                            insert into register.licence_history
                              (licence_id, version, change, actor, at, changed_on, reason, view_json)
                            values (:id, :version, :change, :actor, :at, :day, :reason, :json)""")
                    .param("id", view.id().value())
                    .param("version", view.version())
                    .param("change", e.change().name())
                    .param("actor", e.actor())
                    .param("at", at)
                    .param("day", day)
                    .param("reason", e.reason())
                    .param("json", json)
                    .update();
        }
        var held = jdbc.sql("select version, view_json from register.licence where id = :id for update")
                .param("id", view.id().value())
                .query((rs, i) -> read(rs.getString("view_json")))
                .optional();
        if (held.isPresent() && held.get().version() >= view.version()) {
            return;
        }
        if (held.isPresent()) {
            count(held.get(), -1);
            jdbc.sql("delete from register.licence where id = :id")
                    .param("id", view.id().value())
                    .update();
        }
        jdbc.sql("""
                        insert into register.licence
                          (id, kind, number, holder, holder_en, uscc, authority, foreign_invested, pilot, status,
                           issued_on, valid_until, synthetic, version, changed_at, changed_on, view_json)
                        values (:id, :kind, :number, :holder, :holderEn, :uscc, :authority, :foreign, :pilot, :status,
                           :issuedOn, :validUntil, :synthetic, :version, :at, :day, :json)""")
                .param("id", view.id().value())
                .param("kind", view.kind().name())
                .param("number", view.number())
                .param("holder", view.holder())
                .param("holderEn", view.holderEn())
                .param("uscc", view.uscc())
                .param("authority", view.authority())
                .param("foreign", view.foreignInvested())
                .param("pilot", view.pilot())
                .param("status", view.status().name())
                .param("issuedOn", view.issuedOn())
                .param("validUntil", view.validUntil())
                .param("synthetic", view.synthetic())
                .param("version", view.version())
                .param("at", at)
                .param("day", day)
                .param("json", json)
                .update();
        jdbc.sql("insert into register.licence_search (" + SEARCH_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(searchRow(view))
                .update();
        for (var code : services(view)) {
            jdbc.sql("insert into register.licence_service (licence_id, code) values (:id, :code)")
                    .param("id", view.id().value())
                    .param("code", code)
                    .update();
        }
        for (var area : areas(view)) {
            jdbc.sql("insert into register.licence_area (licence_id, area) values (:id, :area)")
                    .param("id", view.id().value())
                    .param("area", area)
                    .update();
        }
        count(view, 1);
    }

    /**
     * Keeps many changes at once, as {@link #apply(LicenceChanged)} one by one would, but with batched statements for
     * licences the register has not seen yet (a bulk take-over records thousands in one transaction). Changes to
     * licences it holds, or seen twice in {@code changes}, go one by one after the new ones.
     */
    @Transactional
    void applyAll(List<LicenceChanged> changes) {
        var ids = new java.util.HashSet<String>();
        var fresh = new ArrayList<LicenceChanged>();
        var rest = new ArrayList<LicenceChanged>();
        for (var e : changes) {
            (ids.add(e.licence().id().value()) ? fresh : rest).add(e);
        }
        if (!fresh.isEmpty()) {
            var held = new java.util.HashSet<String>();
            for (int from = 0; from < fresh.size(); from += 500) {
                var chunk = fresh.subList(from, Math.min(fresh.size(), from + 500)).stream()
                        .map(e -> e.licence().id().value())
                        .toList();
                held.addAll(jdbc.sql("select id from register.licence where id in (:ids)")
                        .param("ids", chunk)
                        .query(String.class)
                        .list());
                held.addAll(jdbc.sql("select licence_id from register.licence_history where licence_id in (:ids)")
                        .param("ids", chunk)
                        .query(String.class)
                        .list());
            }
            var batch = new ArrayList<LicenceChanged>();
            for (var e : fresh) {
                (held.contains(e.licence().id().value()) ? rest : batch).add(e);
            }
            insertNew(batch);
        }
        rest.forEach(this::apply);
    }

    private void insertNew(List<LicenceChanged> changes) {
        if (changes.isEmpty()) {
            return;
        }
        var history = new ArrayList<Object[]>();
        var licences = new ArrayList<Object[]>();
        var searchRows = new ArrayList<Object[]>();
        var services = new ArrayList<Object[]>();
        var areas = new ArrayList<Object[]>();
        var counts = new LinkedHashMap<List<String>, Long>();
        for (var e : changes) {
            var view = e.licence();
            var id = view.id().value();
            var json = JSON.writeValueAsString(view);
            var at = OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC);
            var day = LocalDate.ofInstant(e.at(), CHINA);
            history.add(new Object[] {id, view.version(), e.change().name(), e.actor(), at, day, e.reason(), json});
            licences.add(new Object[] {
                id,
                view.kind().name(),
                view.number(),
                view.holder(),
                view.holderEn(),
                view.uscc(),
                view.authority(),
                view.foreignInvested(),
                view.pilot(),
                view.status().name(),
                view.issuedOn(),
                view.validUntil(),
                view.synthetic(),
                view.version(),
                at,
                day,
                json
            });
            searchRows.add(searchRow(view));
            services(view).forEach(c -> services.add(new Object[] {id, c}));
            areas(view).forEach(a -> areas.add(new Object[] {id, a}));
            facetValues(view).forEach(v -> counts.merge(v, 1L, Long::sum));
        }
        var template = new org.springframework.jdbc.core.JdbcTemplate(dataSource());
        template.batchUpdate(
                "insert into register.licence_history (licence_id, version, change, actor, at, changed_on, reason,"
                        + " view_json) values (?, ?, ?, ?, ?, ?, ?, ?)",
                history);
        template.batchUpdate(
                "insert into register.licence (id, kind, number, holder, holder_en, uscc, authority, foreign_invested,"
                        + " pilot, status, issued_on, valid_until, synthetic, version, changed_at, changed_on, view_json)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                licences);
        template.batchUpdate(
                "insert into register.licence_search (" + SEARCH_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                searchRows);
        template.batchUpdate("insert into register.licence_service (licence_id, code) values (?, ?)", services);
        template.batchUpdate("insert into register.licence_area (licence_id, area) values (?, ?)", areas);
        counts.forEach((v, n) -> addCount(v.get(0), v.get(1), n));
    }

    private javax.sql.DataSource dataSource() {
        return dataSource;
    }

    /** Keeps a credit-list entry as it now stands. */
    @Transactional
    void apply(CreditListEntry entry, Instant at) {
        jdbc.sql("delete from register.credit_entry where id = :id")
                .param("id", entry.id())
                .update();
        jdbc.sql("""
                        insert into register.credit_entry
                          (id, list, operator, uscc, licence_number, listed_on, reason, authority, removed_on,
                           removal_reason, synthetic, changed_at)
                        values (:id, :list, :operator, :uscc, :number, :listedOn, :reason, :authority, :removedOn,
                           :removalReason, :synthetic, :at)""")
                .param("id", entry.id())
                .param("list", entry.list().name())
                .param("operator", entry.operator())
                .param("uscc", entry.uscc())
                .param("number", entry.licenceNumber())
                .param("listedOn", entry.listedOn())
                .param("reason", entry.reason())
                .param("authority", entry.authority())
                .param("removedOn", entry.removedOn())
                .param("removalReason", entry.removalReason())
                .param("synthetic", entry.synthetic())
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    /** The licence with {@code id} as it stands. */
    public Optional<LicenceView> licence(LicenceId id) {
        return reads.sql("select view_json from register.licence where id = :id")
                .param("id", id.value())
                .query((rs, i) -> read(rs.getString(1)))
                .optional();
    }

    /** The licence with {@code number} (as printed, e.g. {@code 合字B2-20250145}) as it stands. */
    public Optional<LicenceView> licenceNumbered(String number) {
        return reads.sql("select view_json from register.licence where number = :number")
                .param("number", number.strip())
                .query((rs, i) -> read(rs.getString(1)))
                .optional();
    }

    /** Every version of the licence the register was told of, oldest first. */
    public List<HistoryEntry> history(LicenceId id) {
        return reads.sql("""
                        select version, change, actor, at, reason, view_json from register.licence_history
                        where licence_id = :id order by version""")
                .param("id", id.value())
                .query((rs, i) -> new HistoryEntry(
                        rs.getLong("version"),
                        LicenceChange.valueOf(rs.getString("change")),
                        rs.getString("actor"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("reason"),
                        read(rs.getString("view_json"))))
                .list();
    }

    /**
     * The entries of {@code list}, newest first: only those on the list on {@code on} when it is given, or every
     * entry ever listed, removed ones included.
     */
    public List<CreditListEntry> creditList(CreditList list, @Nullable LocalDate on) {
        var entries = reads.sql("select * from register.credit_entry where list = :list order by listed_on desc, id")
                .param("list", list.name())
                .query((rs, i) -> new CreditListEntry(
                        rs.getString("id"),
                        CreditList.valueOf(rs.getString("list")),
                        rs.getString("operator"),
                        rs.getString("uscc"),
                        rs.getString("licence_number"),
                        rs.getObject("listed_on", LocalDate.class),
                        rs.getString("reason"),
                        rs.getString("authority"),
                        rs.getObject("removed_on", LocalDate.class),
                        rs.getString("removal_reason"),
                        rs.getBoolean("synthetic")))
                .list();
        return on == null
                ? entries
                : entries.stream().filter(e -> e.listedOn(on)).toList();
    }

    /**
     * One page of the licences matching {@code query}, ordered by holder name, with facet counts.
     *
     * <p>Search reads the narrow {@code register.licence_search} (V20) and {@code register.licence}, whose rows carry
     * the whole view, only for the page shown, by id. A filtered search fetches, in one statement, the facet columns
     * of the first {@link #COUNT_LIMIT} + 1 matches in holder order (the database's collation): the database walks the
     * holder index and stops when matches are many, or sorts them when they are few. That list is the count (capped
     * past {@link #COUNT_LIMIT}), the page, and, when not capped, every facet. The unfiltered register, and one facet
     * value alone, are counted from {@code facet_count}, and their page read by walking the holder index.
     *
     * <p>A query that is a USCC or a licence number the register holds finds those licences alone, by their btree
     * indexes: its characters are common in the name keys and cost as much as a name search.
     */
    public RegisterPage search(RegisterQuery query) {
        // In a read-only transaction on the read source (the replica, when there is one), which the plan setting needs.
        return java.util.Objects.requireNonNull(readOnly.execute(status -> searchNow(query)));
    }

    private RegisterPage searchNow(RegisterQuery query) {
        if (postgres) {
            // The best plan depends on the pattern: walk the holder index for a common character, look a rare name up
            // in the grams index. The driver prepares a statement run five times on the server, and PostgreSQL would
            // then plan it once for any pattern; this keeps it planning each search for its own (in this transaction).
            reads.sql("set local plan_cache_mode = force_custom_plan").update();
        }
        var where = new Where(query, exact(query), grams);
        var known = knownTotal(query);
        if (known != null && (known > countLimit || !query.filtered())) {
            // Too many to sort here: the holder index gives the page, facet_count the counts.
            return new RegisterPage(query, byId(walk(query, where)), known, false, facets(query, null));
        }
        // Only columns that the holder, status and flag indexes carry (V20, RegisterIndexes): walking one of them in
        // holder order reads no table rows on PostgreSQL.
        var matches = where.bind(reads.sql("select l.id, l.status, l.foreign_invested, l.pilot, l.services, l.areas"
                        + where.from() + where.sql() + " order by l.holder, l.id limit "
                        + (countLimit + 1)))
                .query((rs, i) -> new Match(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getBoolean(3),
                        rs.getBoolean(4),
                        rs.getString(5),
                        rs.getString(6)))
                .list();
        var capped = matches.size() > countLimit;
        var end = query.offset() + query.size();
        List<String> page;
        if (end <= countLimit || !capped) {
            var from = (int) Math.min(query.offset(), matches.size());
            page = matches.subList(from, (int) Math.min(matches.size(), end)).stream()
                    .map(Match::id)
                    .toList();
        } else {
            // Only when the count limit is below the deepest page (tests set it so): the page is past the list.
            page = walk(query, where);
        }
        return capped
                ? new RegisterPage(query, byId(page), countLimit, true, Map.of())
                : new RegisterPage(query, byId(page), matches.size(), false, facets(query, matches));
    }

    /** A licence that matched a search: what counting it needs. */
    private record Match(
            String id, String status, boolean foreignInvested, boolean pilot, String services, String areas) {}

    /** The ids of one page of the matches in holder order, by walking the holder index. */
    private List<String> walk(RegisterQuery query, Where where) {
        return where.bind(reads.sql("select l.id" + where.from() + where.sql() + " order by l.holder, l.id limit "
                        + query.size() + " offset " + query.offset()))
                .query(String.class)
                .list();
    }

    /** The licences with {@code ids}, in their order. */
    private List<LicenceView> byId(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        var views = new java.util.HashMap<String, LicenceView>();
        reads.sql("select id, view_json from register.licence where id in (:ids)")
                .param("ids", ids)
                .query((rs, i) -> views.put(rs.getString(1), read(rs.getString(2))))
                .list();
        return ids.stream().map(views::get).toList();
    }

    /**
     * The ids of the licences whose USCC or licence number is the query's text, when it could be one (it has a digit);
     * otherwise, or when none has, an empty list.
     */
    private List<String> exact(RegisterQuery query) {
        var text = query.text();
        if (text == null || text.chars().noneMatch(Character::isDigit)) {
            return List.of();
        }
        // USCCs and the letters of licence numbers are upper case; Chinese characters have no case to change.
        return reads.sql("select id from register.licence where uscc = :exact or number = :exact")
                .param("exact", text.toUpperCase(java.util.Locale.ROOT))
                .query(String.class)
                .list();
    }

    /**
     * The number of matches when {@code facet_count} already holds it: the unfiltered register, or one facet value
     * alone; otherwise {@code null}.
     */
    private @Nullable Long knownTotal(RegisterQuery query) {
        if (!query.filtered()) {
            return reads.sql("select coalesce(sum(n), 0) from register.facet_count where facet = 'pilot'")
                    .query(Long.class)
                    .single();
        }
        if (query.text() != null) {
            return null;
        }
        var filters = new LinkedHashMap<String, String>();
        if (query.service() != null) {
            filters.put("service", query.service());
        }
        if (query.area() != null) {
            filters.put("area", query.area());
        }
        if (query.status() != null) {
            filters.put("status", query.status().name());
        }
        if (query.foreignInvested() != null) {
            filters.put("foreignInvested", query.foreignInvested().toString());
        }
        if (query.pilot() != null) {
            filters.put("pilot", query.pilot().toString());
        }
        if (filters.size() != 1) {
            return null;
        }
        var filter = filters.entrySet().iterator().next();
        return reads.sql("select coalesce(sum(n), 0) from register.facet_count where facet = :f and val = :v")
                .param("f", filter.getKey())
                .param("v", filter.getValue())
                .query(Long.class)
                .single();
    }

    /**
     * The facet counts: of the whole register from {@code facet_count} when the search is unfiltered; none when
     * {@code matches} is empty or {@code null}; otherwise counted over {@code matches} (at most {@link #COUNT_LIMIT}),
     * from the columns the search statement read.
     */
    private Map<String, Map<String, Long>> facets(RegisterQuery query, @Nullable List<Match> matches) {
        var facets = new LinkedHashMap<String, Map<String, Long>>();
        if (!query.filtered()) {
            reads.sql("select facet, val, n from register.facet_count where n > 0 order by facet, val")
                    .query((rs, i) -> facets.computeIfAbsent(rs.getString(1), f -> new TreeMap<>())
                            .put(rs.getString(2), rs.getLong(3)))
                    .list();
            return facets;
        }
        if (matches == null || matches.isEmpty()) {
            return facets;
        }
        FACETS.forEach(f -> facets.put(f, new TreeMap<>()));
        for (var m : matches) {
            facets.get("status").merge(m.status(), 1L, Long::sum);
            facets.get("foreignInvested").merge(Boolean.toString(m.foreignInvested()), 1L, Long::sum);
            facets.get("pilot").merge(Boolean.toString(m.pilot()), 1L, Long::sum);
            split(m.services()).forEach(c -> facets.get("service").merge(c, 1L, Long::sum));
            split(m.areas()).forEach(a -> facets.get("area").merge(a, 1L, Long::sum));
        }
        return facets;
    }

    /** The columns of {@code register.licence_search}, in the order of {@link #searchRow}. */
    private static final String SEARCH_COLUMNS =
            "id, holder, name_tok, name_key_en, status, foreign_invested, pilot, services, areas";

    /** A licence's row of {@code register.licence_search}: what search filters, sorts and counts facets on. */
    private static Object[] searchRow(LicenceView view) {
        return new Object[] {
            view.id().value(),
            view.holder(),
            NameKey.tokens(view.holder()),
            view.holderEn() == null ? null : NameKey.english(view.holderEn()),
            view.status().name(),
            view.foreignInvested(),
            view.pilot(),
            joined(services(view)),
            joined(areas(view))
        };
    }

    /** Service codes or areas as kept in a search row, for facets: separated by spaces. */
    static String joined(java.util.Collection<String> values) {
        return String.join(" ", values);
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(" "));
    }

    /** Adds {@code delta} to the whole register's counts of every facet value of {@code view}. */
    private void count(LicenceView view, int delta) {
        facetValues(view).forEach(v -> addCount(v.get(0), v.get(1), delta));
    }

    private static List<List<String>> facetValues(LicenceView view) {
        var values = new ArrayList<List<String>>();
        values.add(List.of("status", view.status().name()));
        values.add(List.of("foreignInvested", Boolean.toString(view.foreignInvested())));
        values.add(List.of("pilot", Boolean.toString(view.pilot())));
        services(view).forEach(s -> values.add(List.of("service", s)));
        areas(view).forEach(a -> values.add(List.of("area", a)));
        return values;
    }

    private void addCount(String facet, String value, long delta) {
        var updated = jdbc.sql("update register.facet_count set n = n + :d where facet = :f and val = :v")
                .param("d", delta)
                .param("f", facet)
                .param("v", value)
                .update();
        if (updated == 0) {
            // The first licence with this value: a concurrent first one for the same value would fail on the key
            // and roll its change back to be retried; new service codes and areas are rare.
            jdbc.sql("insert into register.facet_count (facet, val, n) values (:f, :v, :d)")
                    .param("d", delta)
                    .param("f", facet)
                    .param("v", value)
                    .update();
        }
    }

    /** The catalogue codes a licence covers, without items: {@code B11/IRCS} is filed under {@code B11}. */
    static Set<String> services(LicenceView view) {
        var codes = new LinkedHashSet<String>();
        view.services().forEach(s -> codes.add(s.code()));
        return codes;
    }

    /** The province-level areas (or {@code CN}) a licence covers. */
    static Set<String> areas(LicenceView view) {
        var areas = new LinkedHashSet<String>();
        view.services().forEach(s -> s.coverage().forEach(c -> areas.add(Areas.province(c))));
        return areas;
    }

    static LicenceView read(String json) {
        return JSON.readValue(json, LicenceView.class);
    }

    /**
     * What a search reads ({@link #from}: {@code register.licence_search l}, or the part of it that can match its name
     * query), the {@code where} clause, and their parameters.
     */
    private static final class Where {

        private static final String TABLE = " from register.licence_search l";

        private final StringBuilder sql = new StringBuilder();
        private final Map<String, Object> params = new LinkedHashMap<>();
        private String from = TABLE;

        /** {@code exact}: the licences whose USCC or number the query's text is, if any. */
        Where(RegisterQuery q, List<String> exact, @Nullable NameGrams grams) {
            if (q.text() != null && !exact.isEmpty()) {
                and("l.id in (:exact)");
                params.put("exact", exact);
            } else if (q.text() != null) {
                name(q.text(), grams);
            }
            if (q.service() != null) {
                and(
                        "exists (select 1 from register.licence_service fs where fs.licence_id = l.id and fs.code = :service)");
                params.put("service", q.service());
            }
            if (q.area() != null) {
                and("exists (select 1 from register.licence_area fa where fa.licence_id = l.id and fa.area = :area)");
                params.put("area", q.area());
            }
            if (q.status() != null) {
                and("l.status = :status");
                params.put("status", q.status().name());
            }
            if (q.foreignInvested() != null) {
                and("l.foreign_invested = :foreign");
                params.put("foreign", q.foreignInvested());
            }
            if (q.pilot() != null) {
                and("l.pilot = :pilot");
                params.put("pilot", q.pilot());
            }
        }

        /**
         * A match is a run of whole characters of the token key (NameKey); the grams index, where there is one, finds
         * the names that have the query's rarer grams (NameGrams), and the like keeps the matches. Without a Chinese
         * character the query may be part of the English name as well (or of a Chinese name with Latin letters in it).
         */
        private void name(String text, @Nullable NameGrams grams) {
            var key = NameKey.tokens(text);
            params.put("nameTok", "%" + key + "%");
            var lookup = grams == null ? null : grams.lookup(key);
            var english = !NameKey.hasHan(text);
            if (english) {
                params.put("nameKeyEn", "%" + NameKey.likeLiteral(NameKey.english(text)) + "%");
            }
            if (lookup == null) {
                and(
                        english
                                ? "(l.name_tok like :nameTok or l.name_key_en like :nameKeyEn escape '\\')"
                                : "l.name_tok like :nameTok");
                return;
            }
            params.put("grams", NameGrams.literal(lookup));
            // The like first: it fails most rows, and the grams are computed again for every row checked.
            if (!english) {
                and(byGrams("l."));
                return;
            }
            // Not one "english or grams" condition: an English match needs a second look at its row (pg_trgm's
            // lookups are inexact), and PostgreSQL's second look at a row the English index found would compute the
            // grams (17 µs) for each of thousands of rows whose English name does not match. Apart, the English
            // index's rows get the English like alone, and the few the grams find are checked against it.
            from = " from (select * from register.licence_search where name_key_en like :nameKeyEn escape '\\'"
                    + " union all select * from register.licence_search where " + byGrams("")
                    + " and not coalesce(name_key_en like :nameKeyEn escape '\\', false)) l";
        }

        /** The grams lookup and the exact check of a name, on the columns of {@code alias} (empty, or {@code l.}). */
        private static String byGrams(String alias) {
            var tok = alias + "name_tok";
            return tok + " like :nameTok and register.name_grams(" + tok + ") @> cast(:grams as text[])";
        }

        /** The {@code from} clause, with its leading space. */
        String from() {
            return from;
        }

        private void and(String condition) {
            sql.append(sql.isEmpty() ? " where " : " and ").append(condition);
        }

        String sql() {
            return sql.toString();
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            var s = spec;
            for (var p : params.entrySet()) {
                s = s.param(p.getKey(), p.getValue());
            }
            return s;
        }
    }
}
