package org.kaifang.audit;

import java.util.Optional;
import org.kaifang.audit.Verification.Broken;
import org.kaifang.audit.Verification.Problem;

/**
 * Walks the records in sequence order and stops at the first that breaks the chain. Pure: the trail feeds it records
 * from the database, the tests feed it lists.
 */
final class ChainWalk {

    private long expected = 1;
    private String previous = ChainHash.GENESIS;
    private long checked;

    /** Checks the next record; the problem, if it breaks the chain. */
    Optional<Broken> next(AuditRecord r) {
        if (r.sequence() != expected) {
            return Optional.of(new Broken(
                    expected,
                    Problem.MISSING,
                    r.sequence() > expected
                            ? "Records %d to %d are missing: the record after %d is %d"
                                    .formatted(expected, r.sequence() - 1, expected - 1, r.sequence())
                            : "Record %d comes again after record %d".formatted(r.sequence(), expected - 1),
                    checked));
        }
        if (!r.intact()) {
            return Optional.of(new Broken(
                    r.sequence(),
                    Problem.ALTERED,
                    "Record %d was changed after it was written: its fields hash to %s, but its stored hash is %s"
                            .formatted(r.sequence(), ChainHash.of(r), r.hash()),
                    checked));
        }
        if (!r.previousHash().equals(previous)) {
            return Optional.of(new Broken(
                    r.sequence(),
                    Problem.LINK,
                    ("Record %d names %s as the previous hash, but record %d's hash is %s: record %d was replaced, or"
                                    + " record %d was moved or forged")
                            .formatted(
                                    r.sequence(),
                                    r.previousHash(),
                                    r.sequence() - 1,
                                    previous,
                                    r.sequence() - 1,
                                    r.sequence()),
                    checked));
        }
        expected++;
        previous = r.hash();
        checked++;
        return Optional.empty();
    }

    /** The verdict once every record up to the head was walked without a problem. */
    Verification end(ChainHead head) {
        var last = expected - 1;
        if (head.sequence() > last) {
            return new Broken(
                    last + 1,
                    Problem.MISSING,
                    "Records %d to %d are missing at the end: the head is at %d, the last record is %d"
                            .formatted(last + 1, head.sequence(), head.sequence(), last),
                    checked);
        }
        if (head.sequence() < last) {
            return new Broken(
                    head.sequence() + 1,
                    Problem.HEAD,
                    "Records %d to %d were added without moving the head, which is at %d"
                            .formatted(head.sequence() + 1, last, head.sequence()),
                    checked);
        }
        if (!head.hash().equals(previous)) {
            return new Broken(
                    head.sequence(),
                    Problem.HEAD,
                    "The head names %s as the hash of record %d, but the record's hash is %s"
                            .formatted(head.hash(), head.sequence(), previous),
                    checked);
        }
        return new Verification.Intact(checked, previous);
    }
}
