package org.kaifang.licensing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Licences and their versions in schema {@code licensing} (migration V9). Callers run it in their transaction; every
 * write stores the licence's new current view and appends the same view to its history.
 */
@Component
class LicenceStore {

    /** Numbers looked up at a time when checking a bulk recording for duplicates. */
    private static final int LOOKUP = 500;

    private final JdbcTemplate template;
    private final JdbcClient jdbc;

    LicenceStore(JdbcTemplate template) {
        this.template = template;
        this.jdbc = JdbcClient.create(template);
    }

    /** Inserts new licences (version 1) and their first history rows, in two batches. */
    void insert(List<LicenceChanged> changes) {
        template.batchUpdate("""
                insert into licensing.licence
                  (id, version, kind, number, holder, uscc, organisation, status, valid_until, synthetic, changed_at, body,
                   application)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", changes, 500, (ps, c) -> {
            var v = c.licence();
            ps.setString(1, v.id().value());
            ps.setLong(2, v.version());
            ps.setString(3, v.kind().name());
            ps.setString(4, v.number());
            ps.setString(5, v.holder());
            ps.setString(6, v.uscc());
            ps.setString(7, v.organisation());
            ps.setString(8, v.status().name());
            if (v.validUntil() == null) {
                ps.setNull(9, Types.DATE);
            } else {
                ps.setObject(9, v.validUntil());
            }
            ps.setBoolean(10, v.synthetic());
            ps.setObject(11, OffsetDateTime.ofInstant(c.at(), ZoneOffset.UTC));
            ps.setString(12, LicenceJson.write(v));
            ps.setString(13, v.application());
        });
        appendVersions(changes);
    }

    /**
     * Stores the licence's next version, if nobody stored another since the one it was made from.
     *
     * @return whether it was stored ({@code false}: the licence is no longer at {@code version - 1})
     */
    boolean update(LicenceChanged change) {
        var v = change.licence();
        var updated = jdbc.sql("""
                        update licensing.licence
                           set version = :version, number = :number, holder = :holder, uscc = :uscc,
                               organisation = :organisation, status = :status, valid_until = :validUntil,
                               changed_at = :at, body = :body, application = :application
                         where id = :id and version = :previous""")
                .param("version", v.version())
                .param("number", v.number())
                .param("holder", v.holder())
                .param("uscc", v.uscc())
                .param("organisation", v.organisation())
                .param("status", v.status().name())
                .param("validUntil", v.validUntil(), Types.DATE)
                .param("at", OffsetDateTime.ofInstant(change.at(), ZoneOffset.UTC))
                .param("body", LicenceJson.write(v))
                .param("application", v.application())
                .param("id", v.id().value())
                .param("previous", v.version() - 1)
                .update();
        if (updated == 0) {
            return false;
        }
        appendVersions(List.of(change));
        return true;
    }

    private void appendVersions(List<LicenceChanged> changes) {
        template.batchUpdate("""
                insert into licensing.licence_version (licence_id, version, change, actor, at, reason, body)
                values (?, ?, ?, ?, ?, ?, ?)""", changes, 500, (ps, c) -> {
            ps.setString(1, c.licence().id().value());
            ps.setLong(2, c.licence().version());
            ps.setString(3, c.change().name());
            ps.setString(4, c.actor());
            ps.setObject(5, OffsetDateTime.ofInstant(c.at(), ZoneOffset.UTC));
            ps.setString(6, c.reason());
            ps.setString(7, LicenceJson.write(c.licence()));
        });
    }

    Optional<LicenceView> find(LicenceId id) {
        return jdbc.sql("select body from licensing.licence where id = :id")
                .param("id", id.value())
                .query((rs, i) -> LicenceJson.read(rs.getString(1)))
                .optional();
    }

    /** The licence, its row locked until the transaction ends (changes to one licence queue up). */
    Optional<LicenceView> lock(LicenceId id) {
        return jdbc.sql("select body from licensing.licence where id = :id for update")
                .param("id", id.value())
                .query((rs, i) -> LicenceJson.read(rs.getString(1)))
                .optional();
    }

    Optional<LicenceView> byNumber(String number) {
        return jdbc.sql("select body from licensing.licence where number = :number")
                .param("number", number)
                .query((rs, i) -> LicenceJson.read(rs.getString(1)))
                .optional();
    }

    /** The licence issued or last changed on this application. */
    Optional<LicenceView> ofApplication(String application) {
        return jdbc.sql("select body from licensing.licence where application = :application")
                .param("application", application)
                .query((rs, i) -> LicenceJson.read(rs.getString(1)))
                .optional();
    }

    /** Every version of the licence, oldest first. */
    List<LicenceChanged> history(LicenceId id) {
        return jdbc.sql("""
                        select change, actor, at, reason, body from licensing.licence_version
                         where licence_id = :id order by version""").param("id", id.value()).query(LicenceStore::change).list();
    }

    /** Those of {@code numbers} that some licence already has. */
    Set<String> taken(Collection<String> numbers) {
        var taken = new HashSet<String>();
        var all = new ArrayList<>(numbers);
        for (int from = 0; from < all.size(); from += LOOKUP) {
            var chunk = all.subList(from, Math.min(all.size(), from + LOOKUP));
            taken.addAll(jdbc.sql("select number from licensing.licence where number in (:numbers)")
                    .param("numbers", chunk)
                    .query(String.class)
                    .list());
        }
        return taken;
    }

    /** The organisation's licences, by number. */
    List<LicenceView> ofOrganisation(String organisation) {
        return jdbc.sql("select body from licensing.licence where organisation = :organisation order by number, id")
                .param("organisation", organisation)
                .query((rs, i) -> LicenceJson.read(rs.getString(1)))
                .list();
    }

    /** The licences held under {@code uscc}. */
    List<LicenceView> ofUscc(String uscc) {
        return jdbc.sql("select body from licensing.licence where uscc = :uscc order by number, id")
                .param("uscc", uscc)
                .query((rs, i) -> LicenceJson.read(rs.getString(1)))
                .list();
    }

    /** Page {@code page} (from 0) of all licences, most recently changed first. */
    List<LicenceView> page(int page, int size) {
        return jdbc.sql("select body from licensing.licence order by changed_at desc, id limit " + size + " offset "
                        + (long) Math.max(0, page) * size)
                .query((rs, i) -> LicenceJson.read(rs.getString(1)))
                .list();
    }

    /**
     * Up to {@code limit} licences, whatever their status, with ids after {@code after} (all when null), by id: a keyset
     * page on the primary key alone. (Filtering on the status in SQL let H2 pick the status index and sort every
     * licence in force for each page: 200,000 licences took 50 s to walk.)
     */
    List<LicenceView> after(@Nullable LicenceId after, int limit) {
        return jdbc.sql("select body from licensing.licence where id > :after order by id limit " + limit)
                .param("after", after == null ? "" : after.value())
                .query((rs, i) -> LicenceJson.read(rs.getString(1)))
                .list();
    }

    long count() {
        return jdbc.sql("select count(*) from licensing.licence")
                .query(Long.class)
                .single();
    }

    /** Up to {@code limit} licences in force whose validity ended before {@code today}. */
    List<LicenceId> endedBefore(LocalDate today, int limit) {
        return jdbc.sql("""
                        select id from licensing.licence
                         where status = 'NORMAL' and valid_until < :today order by valid_until, id limit :limit""")
                .param("today", today)
                .param("limit", limit)
                .query((rs, i) -> new LicenceId(rs.getString(1)))
                .list();
    }

    private static LicenceChanged change(ResultSet rs, int row) throws SQLException {
        return new LicenceChanged(
                LicenceJson.read(rs.getString("body")),
                LicenceChange.valueOf(rs.getString("change")),
                rs.getString("actor"),
                rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("reason"));
    }
}
