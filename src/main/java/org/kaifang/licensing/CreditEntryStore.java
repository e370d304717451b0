package org.kaifang.licensing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Credit-list entries in {@code licensing.credit_entry} (migration V10); callers run it in their transaction. */
@Component
class CreditEntryStore {

    private final JdbcClient jdbc;

    CreditEntryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CreditListEntry e, String cause, Instant at) {
        jdbc.sql("""
                        insert into licensing.credit_entry
                          (id, list, operator, uscc, licence_number, listed_on, reason, authority, removed_on,
                           removal_reason, synthetic, cause, changed_at)
                        values (:id, :list, :operator, :uscc, :number, :listedOn, :reason, :authority, :removedOn,
                           :removalReason, :synthetic, :cause, :at)""")
                .param("id", e.id())
                .param("list", e.list().name())
                .param("operator", e.operator())
                .param("uscc", e.uscc())
                .param("number", e.licenceNumber())
                .param("listedOn", e.listedOn())
                .param("reason", e.reason())
                .param("authority", e.authority())
                .param("removedOn", e.removedOn(), java.sql.Types.DATE)
                .param("removalReason", e.removalReason())
                .param("synthetic", e.synthetic())
                .param("cause", cause)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    /** Records the removal, if the entry is still listed; whether it was. */
    boolean remove(String id, LocalDate on, String reason, Instant at) {
        return jdbc.sql("""
                        update licensing.credit_entry set removed_on = :on, removal_reason = :reason, changed_at = :at
                         where id = :id and removed_on is null""")
                        .param("on", on)
                        .param("reason", reason)
                        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                        .param("id", id)
                        .update()
                == 1;
    }

    Optional<CreditListEntry> find(String id) {
        return jdbc.sql("select * from licensing.credit_entry where id = :id")
                .param("id", id)
                .query(CreditEntryStore::entry)
                .optional();
    }

    Optional<CreditListEntry> byCause(String cause) {
        return jdbc.sql("select * from licensing.credit_entry where cause = :cause")
                .param("cause", cause)
                .query(CreditEntryStore::entry)
                .optional();
    }

    /** The entries with this USCC, newest first. */
    List<CreditListEntry> ofUscc(String uscc) {
        return jdbc.sql("select * from licensing.credit_entry where uscc = :uscc order by listed_on desc, id")
                .param("uscc", uscc)
                .query(CreditEntryStore::entry)
                .list();
    }

    /** Up to {@code limit} entries of a list, current ones first, newest first. */
    List<CreditListEntry> of(CreditList list, int limit) {
        return jdbc.sql("""
                        select * from licensing.credit_entry where list = :list
                         order by case when removed_on is null then 0 else 1 end, listed_on desc, id
                         limit :limit""")
                .param("list", list.name())
                .param("limit", limit)
                .query(CreditEntryStore::entry)
                .list();
    }

    /** The ids of a list's entries made automatically (by the annual-report sweep), not by hand. */
    java.util.Set<String> automatic(CreditList list) {
        return java.util.Set.copyOf(
                jdbc.sql("select id from licensing.credit_entry where list = :list and cause like 'ANNUAL_REPORT:%'")
                        .param("list", list.name())
                        .query(String.class)
                        .list());
    }

    private static CreditListEntry entry(ResultSet rs, int row) throws SQLException {
        return new CreditListEntry(
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
                rs.getBoolean("synthetic"));
    }
}
