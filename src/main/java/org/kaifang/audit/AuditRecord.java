package org.kaifang.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One record of the audit trail: an {@link AuditEntry} with its place in the chain. {@code hash} is SHA-256 over the
 * record's canonical form, which includes {@code previousHash}, so that changing any record breaks the chain at that
 * record (docs/audit.md).
 *
 * @param sequence 1 for the first record, then one more for each
 * @param previousHash the hash of record {@code sequence - 1}; 64 zeros for the first record
 * @param hash lower-case hex SHA-256 of {@link ChainHash#canonical(AuditRecord)}
 */
public record AuditRecord(
        long sequence,
        Instant at,
        AuditActor actor,
        String module,
        String action,
        Subject subject,
        @Nullable String before,
        @Nullable String after,
        String previousHash,
        String hash) {

    /** {@code entry} as record {@code sequence}, following the record whose hash is {@code previousHash}. */
    static AuditRecord chain(long sequence, String previousHash, AuditEntry entry) {
        var unsigned = new AuditRecord(
                sequence,
                entry.at(),
                entry.actor(),
                entry.module(),
                entry.action(),
                entry.subject(),
                entry.before(),
                entry.after(),
                previousHash,
                "");
        return unsigned.withHash(ChainHash.of(unsigned));
    }

    /** Whether the stored hash is the hash of the record's fields as they are now. */
    public boolean intact() {
        return hash.equals(ChainHash.of(this));
    }

    AuditRecord withHash(String hash) {
        return new AuditRecord(sequence, at, actor, module, action, subject, before, after, previousHash, hash);
    }
}
