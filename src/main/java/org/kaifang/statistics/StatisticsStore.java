package org.kaifang.statistics;

import java.sql.Date;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.kaifang.applications.ApplicationChanged;
import org.kaifang.applications.ApplicationStatus;
import org.kaifang.licensing.AnnualReportChanged;
import org.kaifang.licensing.CreditListChanged;
import org.kaifang.licensing.LicenceChanged;
import org.kaifang.licensing.LicenceKind;
import org.kaifang.screening.ScreeningReviewed;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * The statistics read models in schema {@code statistics}: written from events, read by {@link Statistics}. Every write
 * is versioned (a licence's or application's version, a credit entry's or report's moment, an alert's action), so
 * applying an event twice, or a stale one, changes nothing.
 */
@Component
class StatisticsStore {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final int CHUNK = 500;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    StatisticsStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.template = new JdbcTemplate(dataSource);
    }

    // ---- licences ----

    /**
     * Keeps the newest version of each licence in {@code changes} that is newer than the one held, and moves the
     * counters from the version it replaces to the new one.
     */
    void applyLicences(List<LicenceChanged> changes) {
        var latest = new LinkedHashMap<String, LicenceFact>();
        for (var e : changes) {
            var fact = LicenceFact.of(e.licence());
            latest.merge(fact.id(), fact, (a, b) -> a.version() >= b.version() ? a : b);
        }
        if (latest.isEmpty()) {
            return;
        }
        var held = held(List.copyOf(latest.keySet()));
        var replaced = new ArrayList<Object[]>();
        var inserted = new ArrayList<Object[]>();
        var deltas = new LinkedHashMap<LicenceFact.TallyKey, Long>();
        for (var fact : latest.values()) {
            var old = held.get(fact.id());
            if (old != null && old.version() >= fact.version()) {
                continue;
            }
            if (old != null) {
                replaced.add(new Object[] {old.id()});
                old.tallies().forEach(k -> deltas.merge(k, -1L, Long::sum));
            }
            fact.tallies().forEach(k -> deltas.merge(k, 1L, Long::sum));
            inserted.add(row(fact));
        }
        if (!replaced.isEmpty()) {
            template.batchUpdate("delete from statistics.licence where id = ?", replaced);
        }
        if (!inserted.isEmpty()) {
            template.batchUpdate("""
                    insert into statistics.licence (id, version, holder_key, kind, foreign_invested, pilot, pilot_area,
                           authority, issued_on, ended_on, status, organisation, synthetic, services)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserted);
        }
        deltas.values().removeIf(d -> d == 0);
        addTallies(deltas);
    }

    private static Object[] row(LicenceFact f) {
        return new Object[] {
            f.id(),
            f.version(),
            f.holderKey(),
            f.kind().name(),
            f.foreignInvested(),
            f.pilot(),
            f.pilotArea(),
            f.authority(),
            Date.valueOf(f.issuedOn()),
            f.endedOn() == null ? null : Date.valueOf(f.endedOn()),
            f.status(),
            f.organisation(),
            f.synthetic(),
            String.join(";", f.services())
        };
    }

    private Map<String, LicenceFact> held(List<String> ids) {
        var held = new HashMap<String, LicenceFact>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.sql("select * from statistics.licence where id in (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .query((rs, i) -> fact(rs))
                    .list()
                    .forEach(f -> held.put(f.id(), f));
        }
        return held;
    }

    private static LicenceFact fact(java.sql.ResultSet rs) throws SQLException {
        var services = rs.getString("services");
        return new LicenceFact(
                rs.getString("id"),
                rs.getLong("version"),
                rs.getString("holder_key"),
                LicenceKind.valueOf(rs.getString("kind")),
                rs.getBoolean("foreign_invested"),
                rs.getBoolean("pilot"),
                rs.getString("pilot_area"),
                rs.getString("authority"),
                rs.getObject("issued_on", LocalDate.class),
                rs.getObject("ended_on", LocalDate.class),
                rs.getString("status"),
                rs.getBoolean("organisation"),
                rs.getBoolean("synthetic"),
                services.isEmpty() ? List.of() : Arrays.asList(services.split(";")));
    }

    private void addTallies(Map<LicenceFact.TallyKey, Long> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        var keys = List.copyOf(deltas.keySet());
        var args = keys.stream().map(k -> tallyArgs(deltas.get(k), k)).toList();
        var counts = template.batchUpdate("""
                update statistics.licence_tally set licences = licences + ?
                 where dimension = ? and tally_key = ? and issued_month = ? and ended_month = ? and foreign_invested = ?""", args);
        for (int i = 0; i < keys.size(); i++) {
            if (counts[i] == 0) {
                insertOrAdd(keys.get(i), deltas.get(keys.get(i)));
            }
        }
    }

    private static Object[] tallyArgs(long delta, LicenceFact.TallyKey k) {
        return new Object[] {delta, k.dimension(), k.key(), k.issuedMonth(), k.endedMonth(), k.foreignInvested()};
    }

    /**
     * The first licence counted under a key inserts its counter. Another transaction may insert the same counter at the
     * same moment: the insert runs behind a savepoint and, on the duplicate key, the count is added to the counter the
     * other one made, rather than rolling back the licence change that published the event.
     */
    private void insertOrAdd(LicenceFact.TallyKey k, long delta) {
        var connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint savepoint = connection.getAutoCommit() ? null : connection.setSavepoint();
            try {
                template.update("""
                        insert into statistics.licence_tally (licences, dimension, tally_key, issued_month, ended_month,
                               foreign_invested) values (?, ?, ?, ?, ?, ?)""", tallyArgs(delta, k));
                if (savepoint != null) {
                    connection.releaseSavepoint(savepoint);
                }
            } catch (DuplicateKeyException e) {
                if (savepoint != null) {
                    connection.rollback(savepoint);
                }
                template.update("""
                        update statistics.licence_tally set licences = licences + ?
                         where dimension = ? and tally_key = ? and issued_month = ? and ended_month = ?
                           and foreign_invested = ?""", tallyArgs(delta, k));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot keep the licence counters", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** The counters computed again from the licence facts: the rebuild path, and the check that they agree. */
    void rebuildTallies() {
        jdbc.sql("delete from statistics.licence_tally").update();
        var deltas = new LinkedHashMap<LicenceFact.TallyKey, Long>();
        jdbc.sql("select * from statistics.licence").query((rs, i) -> fact(rs)).stream()
                .forEach(f -> f.tallies().forEach(k -> deltas.merge(k, 1L, Long::sum)));
        addTallies(deltas);
    }

    /** Every counter, for comparing a rebuild with what was kept. */
    Map<LicenceFact.TallyKey, Long> tallies() {
        var all = new HashMap<LicenceFact.TallyKey, Long>();
        jdbc.sql("select * from statistics.licence_tally where licences <> 0")
                .query((rs, i) -> all.put(
                        new LicenceFact.TallyKey(
                                rs.getString("dimension"),
                                rs.getString("tally_key"),
                                rs.getString("issued_month"),
                                rs.getString("ended_month"),
                                rs.getBoolean("foreign_invested")),
                        rs.getLong("licences")))
                .list();
        return all;
    }

    /**
     * Sums of the counters of {@code dimension} by key: licences issued in the months {@code fromMonth} to
     * {@code toMonth} ({@code yyyy-MM}, inclusive) that were still in force after {@code endedAfter} (or any, when
     * {@code null}); each key with [all, foreign-invested].
     */
    Map<String, long[]> tally(String dimension, String fromMonth, String toMonth, @Nullable String endedAfter) {
        var counts = new java.util.TreeMap<String, long[]>();
        jdbc.sql("""
                        select tally_key, foreign_invested, sum(licences) from statistics.licence_tally
                         where dimension = :d and issued_month >= :from and issued_month <= :to
                           and ended_month > :after
                         group by tally_key, foreign_invested""")
                .param("d", dimension)
                .param("from", fromMonth)
                .param("to", toMonth)
                .param("after", endedAfter == null ? "0000-00" : endedAfter)
                .query((rs, i) -> {
                    var c = counts.computeIfAbsent(rs.getString(1), k -> new long[2]);
                    var n = rs.getLong(3);
                    c[0] += n;
                    if (rs.getBoolean(2)) {
                        c[1] += n;
                    }
                    return c;
                })
                .list();
        counts.values().removeIf(c -> c[0] == 0);
        return counts;
    }

    /** A foreign-invested licence's holder and dates, for counting enterprises over time. */
    record Span(
            String holderKey, LocalDate issuedOn, @Nullable LocalDate endedOn) {}

    /** Every foreign-invested licence or pilot approval issued by {@code to}: a few thousand nationally. */
    List<Span> foreignInvested(LocalDate to) {
        return jdbc.sql("""
                        select holder_key, issued_on, ended_on from statistics.licence
                         where foreign_invested = true and issued_on <= :to""")
                .param("to", to)
                .query((rs, i) ->
                        new Span(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)))
                .list();
    }

    /** The licences that had to file an annual report on {@code year}: see {@link Statistics#annualReports}. */
    long reportsDue(int year) {
        var end = LocalDate.of(year, 12, 31);
        return jdbc.sql("""
                        select count(*) from statistics.licence
                         where organisation = true and synthetic = false and issued_on <= :end
                           and (ended_on is null or ended_on > :end)""").param("end", end).query(Long.class).single();
    }

    // ---- credit lists ----

    void apply(CreditListChanged e) {
        var entry = e.entry();
        var at = OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC);
        var newer = jdbc.sql("select count(*) from statistics.credit_entry where id = :id and changed_at >= :at")
                        .param("id", entry.id())
                        .param("at", at)
                        .query(Long.class)
                        .single()
                > 0;
        if (newer) {
            return;
        }
        jdbc.sql("delete from statistics.credit_entry where id = :id")
                .param("id", entry.id())
                .update();
        jdbc.sql("""
                        insert into statistics.credit_entry (id, list, listed_on, removed_on, synthetic, changed_at)
                        values (:id, :list, :listed, :removed, :synthetic, :at)""")
                .param("id", entry.id())
                .param("list", entry.list().name())
                .param("listed", entry.listedOn())
                .param("removed", entry.removedOn(), java.sql.Types.DATE)
                .param("synthetic", entry.synthetic())
                .param("at", at)
                .update();
    }

    /** Per list: [listed in the range, removed in the range, on the list at the end of {@code to}]. */
    Map<String, long[]> creditLists(@Nullable LocalDate from, LocalDate to) {
        var start = from == null ? DateRange.EARLIEST : from;
        var counts = new java.util.TreeMap<String, long[]>();
        jdbc.sql("""
                        select list,
                               sum(case when listed_on >= :from and listed_on <= :to then 1 else 0 end),
                               sum(case when removed_on >= :from and removed_on <= :to then 1 else 0 end),
                               sum(case when listed_on <= :to and (removed_on is null or removed_on > :to)
                                        then 1 else 0 end)
                          from statistics.credit_entry group by list""")
                .param("from", start)
                .param("to", to)
                .query((rs, i) -> counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)}))
                .list();
        return counts;
    }

    // ---- applications ----

    /** Where an application's clocks stood, as far as the statistics need it. */
    record ApplicationFact(
            String id,
            long version,
            String type,
            String status,
            @Nullable LocalDate submittedOn,
            @Nullable LocalDate acceptedOn,
            @Nullable LocalDate acceptanceDue,
            @Nullable LocalDate decidedOn,
            @Nullable LocalDate decisionDue,
            int pauses,
            @Nullable LocalDate pausedSince,
            int pausedDays) {

        /** The fact after {@code e}: the first submission, acceptance and decision dates, and the pauses. */
        ApplicationFact next(ApplicationChanged e) {
            var on = LocalDate.ofInstant(e.at(), CHINA);
            var submitted = submittedOn == null && e.to() == ApplicationStatus.SUBMITTED ? on : submittedOn;
            var accepted = acceptedOn == null && e.to() == ApplicationStatus.ACCEPTED ? on : acceptedOn;
            var decided =
                    decidedOn == null && (e.to() == ApplicationStatus.APPROVED || e.to() == ApplicationStatus.REFUSED)
                            ? on
                            : decidedOn;
            var n = pauses;
            var since = pausedSince;
            var days = pausedDays;
            if (e.to() == ApplicationStatus.CORRECTION_REQUESTED && pausedSince == null) {
                n++;
                since = on;
            } else if (pausedSince != null && e.to() != ApplicationStatus.CORRECTION_REQUESTED) {
                days += (int) ChronoUnit.DAYS.between(pausedSince, on);
                since = null;
            }
            return new ApplicationFact(
                    id,
                    e.version(),
                    e.type().name(),
                    e.to().name(),
                    submitted,
                    accepted,
                    e.acceptanceDue() != null ? e.acceptanceDue() : acceptanceDue,
                    decided,
                    e.decisionDue() != null ? e.decisionDue() : decisionDue,
                    n,
                    since,
                    days);
        }

        static ApplicationFact none(ApplicationChanged e) {
            return new ApplicationFact(
                    e.application().value().toString(),
                    0,
                    e.type().name(),
                    e.from().name(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    0,
                    null,
                    0);
        }
    }

    private static final String INSERT_FACT = """
            insert into statistics.application (id, version, type, status, submitted_on, accepted_on, acceptance_due,
                   decided_on, decision_due, pauses, paused_since, paused_days)
            values (:id, :version, :type, :status, :submitted, :accepted, :acceptanceDue, :decided, :decisionDue,
                    :pauses, :pausedSince, :pausedDays)""";

    private static final String UPDATE_FACT = """
            update statistics.application
               set version = :version, type = :type, status = :status, submitted_on = :submitted,
                   accepted_on = :accepted, acceptance_due = :acceptanceDue, decided_on = :decided,
                   decision_due = :decisionDue, pauses = :pauses, paused_since = :pausedSince, paused_days = :pausedDays
             where id = :id""";

    void apply(ApplicationChanged e) {
        var id = e.application().value().toString();
        var held = jdbc.sql("select * from statistics.application where id = :id")
                .param("id", id)
                .query(StatisticsStore::applicationFact)
                .optional();
        if (held.isPresent() && held.get().version() >= e.version()) {
            return;
        }
        var next = held.orElseGet(() -> ApplicationFact.none(e)).next(e);
        // A fact held already is updated in place: one statement on every transition rather than a delete and an
        // insert.
        jdbc.sql(held.isPresent() ? UPDATE_FACT : INSERT_FACT)
                .param("id", next.id())
                .param("version", next.version())
                .param("type", next.type())
                .param("status", next.status())
                .param("submitted", next.submittedOn(), java.sql.Types.DATE)
                .param("accepted", next.acceptedOn(), java.sql.Types.DATE)
                .param("acceptanceDue", next.acceptanceDue(), java.sql.Types.DATE)
                .param("decided", next.decidedOn(), java.sql.Types.DATE)
                .param("decisionDue", next.decisionDue(), java.sql.Types.DATE)
                .param("pauses", next.pauses())
                .param("pausedSince", next.pausedSince(), java.sql.Types.DATE)
                .param("pausedDays", next.pausedDays())
                .update();
    }

    private static ApplicationFact applicationFact(java.sql.ResultSet rs, int row) throws SQLException {
        return new ApplicationFact(
                rs.getString("id"),
                rs.getLong("version"),
                rs.getString("type"),
                rs.getString("status"),
                rs.getObject("submitted_on", LocalDate.class),
                rs.getObject("accepted_on", LocalDate.class),
                rs.getObject("acceptance_due", LocalDate.class),
                rs.getObject("decided_on", LocalDate.class),
                rs.getObject("decision_due", LocalDate.class),
                rs.getInt("pauses"),
                rs.getObject("paused_since", LocalDate.class),
                rs.getInt("paused_days"));
    }

    /** The applications decided within the range: a few thousand a year. */
    List<ApplicationFact> decided(@Nullable LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select * from statistics.application
                         where decided_on >= :from and decided_on <= :to order by decided_on, id""")
                .param("from", from == null ? DateRange.EARLIEST : from)
                .param("to", to)
                .query(StatisticsStore::applicationFact)
                .list();
    }

    // ---- screening ----

    void apply(ScreeningReviewed e) {
        var exists = jdbc.sql("select count(*) from statistics.screening_action where alert = :a and action = :k")
                        .param("a", e.alert().toString())
                        .param("k", e.action().name())
                        .query(Long.class)
                        .single()
                > 0;
        if (!exists) {
            jdbc.sql("insert into statistics.screening_action (alert, action, acted_on) values (:a, :k, :on)")
                    .param("a", e.alert().toString())
                    .param("k", e.action().name())
                    .param("on", LocalDate.ofInstant(e.at(), CHINA))
                    .update();
        }
    }

    /** Per month ({@code yyyy-MM}) in the range: action kind to count. */
    Map<String, Map<String, Long>> screening(@Nullable LocalDate from, LocalDate to) {
        var months = new java.util.TreeMap<String, Map<String, Long>>();
        jdbc.sql("""
                        select acted_on, action, count(*) from statistics.screening_action
                         where acted_on >= :from and acted_on <= :to group by acted_on, action""")
                .param("from", from == null ? DateRange.EARLIEST : from)
                .param("to", to)
                .query((rs, i) -> months.computeIfAbsent(
                                java.time.YearMonth.from(rs.getObject(1, LocalDate.class))
                                        .toString(),
                                m -> new HashMap<>())
                        .merge(rs.getString(2), rs.getLong(3), Long::sum))
                .list();
        return months;
    }

    // ---- annual reports ----

    void apply(AnnualReportChanged e) {
        var at = OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC);
        var newer = jdbc.sql("""
                                select count(*) from statistics.annual_report
                                 where licence_id = :id and report_year = :year and changed_at > :at""")
                        .param("id", e.licence().value())
                        .param("year", e.year())
                        .param("at", at)
                        .query(Long.class)
                        .single()
                > 0;
        if (newer) {
            return;
        }
        jdbc.sql("delete from statistics.annual_report where licence_id = :id and report_year = :year")
                .param("id", e.licence().value())
                .param("year", e.year())
                .update();
        jdbc.sql("""
                        insert into statistics.annual_report (licence_id, report_year, status, submitted_on,
                               confirmed_on, changed_at)
                        values (:id, :year, :status, :submitted, :confirmed, :at)""")
                .param("id", e.licence().value())
                .param("year", e.year())
                .param("status", e.status().name())
                .param(
                        "submitted",
                        e.submittedAt() == null ? null : LocalDate.ofInstant(e.submittedAt(), CHINA),
                        java.sql.Types.DATE)
                .param(
                        "confirmed",
                        e.confirmedAt() == null ? null : LocalDate.ofInstant(e.confirmedAt(), CHINA),
                        java.sql.Types.DATE)
                .param("at", at)
                .update();
    }

    /** Reports on {@code year}: [submitted by {@code deadline}, submitted later, confirmed]. */
    long[] reportsFiled(int year, LocalDate deadline) {
        return jdbc.sql("""
                        select sum(case when submitted_on <= :deadline then 1 else 0 end),
                               sum(case when submitted_on > :deadline then 1 else 0 end),
                               sum(case when status = 'CONFIRMED' then 1 else 0 end)
                          from statistics.annual_report where report_year = :year and status <> 'DRAFT'""")
                .param("deadline", deadline)
                .param("year", year)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .single();
    }
}
