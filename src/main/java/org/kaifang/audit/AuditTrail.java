package org.kaifang.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit trail: records changes, gives them their place in the hash chain, and verifies it.
 *
 * <p>A change's records are written in the change's own transaction ({@link #record}), so that they commit or roll back
 * together, but without taking any shared lock: they wait in {@code audit.pending_record}, each with the hash of its
 * own fields. Shortly after the commit a single chainer ({@link #chainPending}, driven by {@code Chainer}) moves the
 * committed ones into the chain in the order they were written, under the chain head's row lock, which serialises
 * chainers on every node sharing the database: two of them never fork the chain, and the sequence has no gaps. The
 * primary key on the sequence number guards the same property a second time. Decision record 0005 explains why the
 * chaining moved out of the change's transaction.
 */
@Service
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    /** Records per page of {@link #recent}. */
    public static final int PAGE = 50;

    /** Records read at a time while verifying, so that memory stays bounded however long the trail. */
    private static final int BATCH = 1000;

    /** Pending records chained in one transaction at most. */
    static final int CHAIN_BATCH = 500;

    private final JdbcClient jdbc;
    private volatile Runnable wake = () -> {};
    private volatile long refusedReported;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What to call once a transaction that recorded something has committed: the chainer's wake-up. */
    void onRecorded(Runnable wake) {
        this.wake = wake;
    }

    /**
     * Records {@code entry} in the caller's transaction (or in one of its own when there is none): it commits or rolls
     * back with the change, and a failure to write it rolls the change back. It takes no shared lock; it gets its place
     * in the chain shortly after the commit, from the chainer, in the order it was written. Until then verification
     * counts it as pending and checks it against the hash it was written with.
     */
    @Transactional
    public void record(AuditEntry entry) {
        jdbc.sql("""
                        insert into audit.pending_record
                          (at, actor_id, actor_name, actor_organisation, module, action, subject_type, subject_id,
                           before_summary, after_summary, entry_hash)
                        values (:at, :actorId, :actorName, :actorOrganisation, :module, :action, :subjectType,
                           :subjectId, :before, :after, :entryHash)""")
                .param("at", OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC))
                .param("actorId", entry.actor().id())
                .param("actorName", entry.actor().name())
                .param("actorOrganisation", entry.actor().organisation())
                .param("module", entry.module())
                .param("action", entry.action())
                .param("subjectType", entry.subject().type())
                .param("subjectId", entry.subject().id())
                .param("before", entry.before())
                .param("after", entry.after())
                .param("entryHash", ChainHash.of(entry))
                .update();
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wake.run();
            return;
        }
        if (TransactionSynchronizationManager.getResource(this) == null) {
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake.run();
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(AuditTrail.this);
                }
            });
        }
    }

    /**
     * Kept for the callers written when records were appended to the chain just before the commit: now the same as
     * {@link #record}.
     */
    public void appendAtCommit(AuditEntry entry) {
        record(entry);
    }

    /**
     * Gives the committed pending records their places in the chain, oldest first, up to {@link #CHAIN_BATCH} of them,
     * in one transaction that holds the chain head's row lock: chainers on other threads or nodes wait for it and then
     * find these records gone. A pending record that no longer hashes to the hash it was written with is not chained,
     * nor anything after it: verification reports it ({@link Verification.Problem#PENDING_ALTERED}). Returns how many
     * were chained.
     */
    @Transactional
    public int chainPending() {
        var head = jdbc.sql("select seq, hash from audit.chain_head where id = 1 for update")
                .query((rs, i) -> new ChainHead(rs.getLong("seq"), rs.getString("hash")))
                .single();
        var pending = jdbc.sql("select * from audit.pending_record order by id limit " + CHAIN_BATCH)
                .query(AuditTrail::pendingRecord)
                .list();
        var sequence = head.sequence();
        var previous = head.hash();
        var chained = new ArrayList<Long>(pending.size());
        for (var p : pending) {
            if (!p.intact()) {
                if (refusedReported != p.id()) {
                    refusedReported = p.id();
                    log.error(
                            "AUDIT RECORD ALTERED while waiting to be chained: pending record {} no longer hashes to {};"
                                    + " it and the records after it stay unchained until it is dealt with",
                            p.id(),
                            p.entryHash());
                }
                break;
            }
            var record = AuditRecord.chain(++sequence, previous, p.entry());
            insert(record);
            chained.add(p.id());
            previous = record.hash();
        }
        if (chained.isEmpty()) {
            return 0;
        }
        jdbc.sql("delete from audit.pending_record where id in (:ids)")
                .param("ids", chained)
                .update();
        jdbc.sql("update audit.chain_head set seq = :seq, hash = :hash where id = 1")
                .param("seq", sequence)
                .param("hash", previous)
                .update();
        return chained.size();
    }

    /** How many records are committed but not chained yet. */
    public long pending() {
        return jdbc.sql("select count(*) from audit.pending_record")
                .query(Long.class)
                .single();
    }

    /**
     * Waits up to {@code timeout} until no committed record waits for its place in the chain, for a reader who wants a
     * change's record straight after making it (the chainer needs a moment); whether none is left.
     */
    public boolean awaitChained(Duration timeout) {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (anyPending()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Whether any record waits to be chained; cheaper than {@link #pending()}. */
    boolean anyPending() {
        return !jdbc.sql("select id from audit.pending_record order by id limit 1")
                .query(Long.class)
                .list()
                .isEmpty();
    }

    /**
     * Appends {@code entry} to the chain at once, in the caller's transaction if there is one, holding the chain head's
     * row lock until that transaction ends; returns the record. For bulk work and tools that want the record's place
     * straight away; a state change of a request uses {@link #record}, which queues for nothing.
     */
    @Transactional
    public AuditRecord append(AuditEntry entry) {
        var head = jdbc.sql("select seq, hash from audit.chain_head where id = 1 for update")
                .query((rs, i) -> new ChainHead(rs.getLong("seq"), rs.getString("hash")))
                .single();
        var record = AuditRecord.chain(head.sequence() + 1, head.hash(), entry);
        insert(record);
        jdbc.sql("update audit.chain_head set seq = :seq, hash = :hash where id = 1")
                .param("seq", record.sequence())
                .param("hash", record.hash())
                .update();
        return record;
    }

    private void insert(AuditRecord record) {
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
                var end = walk.end(head);
                return end instanceof Verification.Intact intact ? verifyPending(intact) : end;
            }
            after = batch.getLast().sequence();
        }
    }

    /**
     * Checks the records waiting to be chained against the hashes they were written with: an intact chain with its
     * pending count, or the first pending record edited since it was written, named by the place it would take.
     */
    private Verification verifyPending(Verification.Intact chain) {
        long after = 0;
        long count = 0;
        while (true) {
            var batch = jdbc.sql("select * from audit.pending_record where id > :after order by id limit " + BATCH)
                    .param("after", after)
                    .query(AuditTrail::pendingRecord)
                    .list();
            for (var p : batch) {
                if (!p.intact()) {
                    var place = chain.count() + count + 1;
                    return new Verification.Broken(
                            place,
                            Verification.Problem.PENDING_ALTERED,
                            ("Record %d, still waiting to be chained (pending id %d), was changed after it was written:"
                                            + " its fields hash to %s, but it was written with %s")
                                    .formatted(place, p.id(), ChainHash.of(p.entry()), p.entryHash()),
                            chain.count());
                }
                count++;
            }
            if (batch.size() < BATCH) {
                return new Verification.Intact(chain.count(), chain.headHash(), count);
            }
            after = batch.getLast().id();
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

    /** A record waiting for its place in the chain, with the hash it was written with. */
    record PendingRecord(long id, AuditEntry entry, String entryHash) {

        boolean intact() {
            return entryHash.equals(ChainHash.of(entry));
        }
    }

    private static PendingRecord pendingRecord(ResultSet rs, int row) throws SQLException {
        return new PendingRecord(
                rs.getLong("id"),
                new AuditEntry(
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        new AuditActor(
                                rs.getString("actor_id"),
                                rs.getString("actor_name"),
                                rs.getString("actor_organisation")),
                        rs.getString("module"),
                        rs.getString("action"),
                        new Subject(rs.getString("subject_type"), rs.getString("subject_id")),
                        rs.getString("before_summary"),
                        rs.getString("after_summary")),
                rs.getString("entry_hash"));
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
