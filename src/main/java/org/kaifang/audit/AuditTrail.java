package org.kaifang.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit trail: appends records to the hash chain and verifies it.
 *
 * <p>An append joins the caller's transaction, so that a change and its record commit or roll back together. It locks
 * the single chain-head row first ({@code select … for update}), which serialises appends from every thread and every
 * node sharing the database until the transaction ends: two writers never fork the chain, and the sequence has no
 * gaps. The primary key on the sequence number guards the same property a second time.
 */
@Service
public class AuditTrail {

    /** Records per page of {@link #recent}. */
    public static final int PAGE = 50;

    /** Records read at a time while verifying, so that memory stays bounded however long the trail. */
    private static final int BATCH = 1000;

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends {@code entry} as the last work of the caller's transaction, just before it commits, or at once when there
     * is none. The record still commits or rolls back with the change (a failure to write it rolls the change back), but
     * the chain head's lock is taken only for the commit itself, not for the rest of the change's work: appends from
     * concurrent requests take turns for that short moment only. Entries of one transaction keep their order.
     */
    public void appendAtCommit(AuditEntry entry) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            append(entry);
            return;
        }
        var pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            var created = new Pending();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public int getOrder() {
                    // After every other module's before-commit work, which may still publish audited events.
                    return Ordered.LOWEST_PRECEDENCE;
                }

                @Override
                public void beforeCommit(boolean readOnly) {
                    created.flushing = true;
                    for (var i = 0; i < created.entries.size(); i++) {
                        append(created.entries.get(i));
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
                }
            });
            pending = created;
        }
        if (pending.flushing) {
            append(entry);
        } else {
            pending.entries.add(entry);
        }
    }

    /** The entries a transaction will append before it commits. */
    private static final class Pending {
        final List<AuditEntry> entries = new ArrayList<>();
        boolean flushing;
    }

    /** Appends {@code entry} as the next record, in the caller's transaction if there is one; returns the record. */
    @Transactional
    public AuditRecord append(AuditEntry entry) {
        var head = jdbc.sql("select seq, hash from audit.chain_head where id = 1 for update")
                .query((rs, i) -> new ChainHead(rs.getLong("seq"), rs.getString("hash")))
                .single();
        var record = AuditRecord.chain(head.sequence() + 1, head.hash(), entry);
        jdbc.sql("""
                        insert into audit.audit_record
                          (seq, at, actor_id, actor_name, actor_organisation, module, action, subject_type, subject_id,
                           before_summary, after_summary, previous_hash, hash)
                        values (:seq, :at, :actorId, :actorName, :actorOrganisation, :module, :action, :subjectType,
                           :subjectId, :before, :after, :previous, :hash)""")
                .param("seq", record.sequence())
                .param("at", OffsetDateTime.ofInstant(record.at(), ZoneOffset.UTC))
                .param("actorId", record.actor().id())
                .param("actorName", record.actor().name())
                .param("actorOrganisation", record.actor().organisation())
                .param("module", record.module())
                .param("action", record.action())
                .param("subjectType", record.subject().type())
                .param("subjectId", record.subject().id())
                .param("before", record.before())
                .param("after", record.after())
                .param("previous", record.previousHash())
                .param("hash", record.hash())
                .update();
        jdbc.sql("update audit.chain_head set seq = :seq, hash = :hash where id = 1")
                .param("seq", record.sequence())
                .param("hash", record.hash())
                .update();
        return record;
    }

    /**
     * Walks the whole chain, from the first record to the head, and reports the first record that breaks it: one
     * edited after it was written, missing, out of place or forged, or a head that does not name the last record. Reads
     * one consistent snapshot, so appends running meanwhile do not disturb it.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Verification verify() {
        var head = head();
        var walk = new ChainWalk();
        long after = 0;
        while (true) {
            var batch = jdbc.sql("select * from audit.audit_record where seq > :after order by seq limit " + BATCH)
                    .param("after", after)
                    .query(AuditTrail::record)
                    .list();
            for (var r : batch) {
                var broken = walk.next(r);
                if (broken.isPresent()) {
                    return broken.get();
                }
            }
            if (batch.size() < BATCH) {
                return walk.end(head);
            }
            after = batch.getLast().sequence();
        }
    }

    /** The end of the chain: what to print or export to anchor it outside the database. */
    public ChainHead head() {
        return jdbc.sql("select seq, hash from audit.chain_head where id = 1")
                .query((rs, i) -> new ChainHead(rs.getLong("seq"), rs.getString("hash")))
                .single();
    }

    /**
     * Page {@code page} (from 0) of the records, newest first, {@link #PAGE} to a page; only those about the subject
     * with id {@code subjectId} when it is given.
     */
    public List<AuditRecord> recent(@Nullable String subjectId, int page) {
        var where = subjectId == null ? "" : " where subject_id = :subject";
        var query = jdbc.sql("select * from audit.audit_record" + where + " order by seq desc limit " + PAGE
                + " offset " + (long) Math.max(0, page) * PAGE);
        if (subjectId != null) {
            query = query.param("subject", subjectId);
        }
        return query.query(AuditTrail::record).list();
    }

    /** How many records there are; only those about {@code subjectId} when it is given. */
    public long count(@Nullable String subjectId) {
        if (subjectId == null) {
            return jdbc.sql("select count(*) from audit.audit_record")
                    .query(Long.class)
                    .single();
        }
        return jdbc.sql("select count(*) from audit.audit_record where subject_id = :subject")
                .param("subject", subjectId)
                .query(Long.class)
                .single();
    }

    private static AuditRecord record(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(
                rs.getLong("seq"),
                rs.getObject("at", OffsetDateTime.class).toInstant(),
                new AuditActor(
                        rs.getString("actor_id"), rs.getString("actor_name"), rs.getString("actor_organisation")),
                rs.getString("module"),
                rs.getString("action"),
                new Subject(rs.getString("subject_type"), rs.getString("subject_id")),
                rs.getString("before_summary"),
                rs.getString("after_summary"),
                rs.getString("previous_hash"),
                rs.getString("hash"));
    }
}
