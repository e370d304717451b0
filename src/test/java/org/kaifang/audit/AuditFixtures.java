package org.kaifang.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Entries and chains for the audit tests, built the way the trail builds them. */
final class AuditFixtures {

    static final Instant T0 = Instant.parse("2025-03-03T01:30:00.123456789Z");

    private AuditFixtures() {}

    static AuditEntry entry(int n) {
        return new AuditEntry(
                T0.plusSeconds(n),
                new AuditActor("6f1c0c5e-0000-4000-8000-00000000000" + (n % 10), "officer", "org-miit"),
                "applications",
                n % 2 == 0 ? "accept" : "submit",
                new Subject("application", "app-" + (n % 3)),
                "{\"status\":\"SUBMITTED\"}",
                "{\"status\":\"ACCEPTED\",\"reason\":\"第" + n + "号: complete\"}");
    }

    /** A valid chain of {@code size} records. */
    static List<AuditRecord> chain(int size) {
        var records = new ArrayList<AuditRecord>();
        var previous = ChainHash.GENESIS;
        for (int i = 1; i <= size; i++) {
            var r = AuditRecord.chain(i, previous, entry(i));
            records.add(r);
            previous = r.hash();
        }
        return records;
    }

    static ChainHead headOf(List<AuditRecord> records) {
        return records.isEmpty()
                ? new ChainHead(0, ChainHash.GENESIS)
                : new ChainHead(records.getLast().sequence(), records.getLast().hash());
    }

    /**
     * Waits until the server's chainer has given every committed record its place in the chain, as a reader of the
     * trail would a moment after a change; fails after ten seconds.
     */
    static void awaitChained(AuditTrail trail) {
        if (!trail.awaitChained(Duration.ofSeconds(10))) {
            throw new AssertionError(trail.pending() + " audit records still waiting to be chained after 10 s");
        }
    }

    static Verification walk(List<AuditRecord> records, ChainHead head) {
        var walk = new ChainWalk();
        for (var r : records) {
            var broken = walk.next(r);
            if (broken.isPresent()) {
                return broken.get();
            }
        }
        return walk.end(head);
    }
}
