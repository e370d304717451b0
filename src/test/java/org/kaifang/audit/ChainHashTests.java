package org.kaifang.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaifang.audit.AuditFixtures.T0;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The canonical form of a record and its SHA-256. */
class ChainHashTests {

    private static final AuditEntry ENTRY = new AuditEntry(
            Instant.parse("2025-03-03T01:30:00.123456789Z"),
            new AuditActor("u-1", "officer", null),
            "applications",
            "submit",
            new Subject("application", "a:1\nb"),
            null,
            "{\"status\":\"已提交\"}");

    @Test
    void theCanonicalFormIsOneLengthPrefixedFieldPerLineInAFixedOrder() {
        var record = AuditRecord.chain(7, ChainHash.GENESIS, ENTRY);

        assertThat(ChainHash.canonical(record)).isEqualTo("""
                        kaifang-audit-v1
                        sequence:1:7
                        at:27:2025-03-03T01:30:00.123456Z
                        actor.id:3:u-1
                        actor.name:7:officer
                        actor.organisation:-
                        module:12:applications
                        action:6:submit
                        subject.type:11:application
                        subject.id:5:a:1
                        b
                        before:-
                        after:22:{"status":"已提交"}
                        previous:64:0000000000000000000000000000000000000000000000000000000000000000
                        """);
    }

    @Test
    void aPendingEntryIsHashedOverItsOwnFormWithoutAPlaceInTheChain() {
        assertThat(ChainHash.canonical(ENTRY)).isEqualTo("""
                        kaifang-audit-entry-v1
                        at:27:2025-03-03T01:30:00.123456Z
                        actor.id:3:u-1
                        actor.name:7:officer
                        actor.organisation:-
                        module:12:applications
                        action:6:submit
                        subject.type:11:application
                        subject.id:5:a:1
                        b
                        before:-
                        after:22:{"status":"已提交"}
                        """);
        assertThat(ChainHash.of(ENTRY)).isEqualTo(ChainHash.sha256(ChainHash.canonical(ENTRY)));
        // Any field changed after writing changes the entry's hash, as it would a record's.
        var softened = new AuditEntry(
                ENTRY.at(), ENTRY.actor(), ENTRY.module(), "withdraw", ENTRY.subject(), ENTRY.before(), ENTRY.after());
        assertThat(ChainHash.of(softened)).isNotEqualTo(ChainHash.of(ENTRY));
    }

    @Test
    void theHashIsTheSha256OfTheCanonicalFormInLowerCaseHex() {
        var record = AuditRecord.chain(7, ChainHash.GENESIS, ENTRY);

        assertThat(record.hash())
                .isEqualTo(ChainHash.sha256(ChainHash.canonical(record)))
                .matches("[0-9a-f]{64}");
        assertThat(ChainHash.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(record.intact()).isTrue();
    }

    @Test
    void timeIsKeptToTheMicrosecondAsTheDatabaseStoresIt() {
        assertThat(ENTRY.at()).isEqualTo(Instant.parse("2025-03-03T01:30:00.123456Z"));
    }

    @Test
    void aMissingValueAndAnEmptyOneHashDifferently() {
        var missing = AuditRecord.chain(1, ChainHash.GENESIS, ENTRY);
        var empty = AuditRecord.chain(
                1,
                ChainHash.GENESIS,
                new AuditEntry(
                        ENTRY.at(), ENTRY.actor(), ENTRY.module(), ENTRY.action(), ENTRY.subject(), "", ENTRY.after()));

        assertThat(missing.hash()).isNotEqualTo(empty.hash());
    }

    @Test
    void movingTextFromOneFieldToTheNextChangesTheHash() {
        var one = new AuditEntry(
                T0, new AuditActor(null, "ab", "c"), "applications", "submit", new Subject("x", "y"), null, null);
        var other = new AuditEntry(
                T0, new AuditActor(null, "a", "bc"), "applications", "submit", new Subject("x", "y"), null, null);

        assertThat(AuditRecord.chain(1, ChainHash.GENESIS, one).hash())
                .isNotEqualTo(AuditRecord.chain(1, ChainHash.GENESIS, other).hash());
    }

    @Test
    void everyFieldIsCoveredByTheHash() {
        var record = AuditRecord.chain(3, ChainHash.GENESIS, ENTRY);
        var h = record.hash();
        var a = record.actor();
        var s = record.subject();

        assertThat(java.util.List.of(
                        new AuditRecord(
                                4,
                                record.at(),
                                a,
                                "applications",
                                "submit",
                                s,
                                null,
                                record.after(),
                                record.previousHash(),
                                h),
                        new AuditRecord(
                                3,
                                record.at().plusNanos(1000),
                                a,
                                "applications",
                                "submit",
                                s,
                                null,
                                record.after(),
                                record.previousHash(),
                                h),
                        new AuditRecord(
                                3,
                                record.at(),
                                new AuditActor("u-2", a.name(), null),
                                "applications",
                                "submit",
                                s,
                                null,
                                record.after(),
                                record.previousHash(),
                                h),
                        new AuditRecord(
                                3,
                                record.at(),
                                new AuditActor("u-1", "approver", null),
                                "applications",
                                "submit",
                                s,
                                null,
                                record.after(),
                                record.previousHash(),
                                h),
                        new AuditRecord(
                                3,
                                record.at(),
                                new AuditActor("u-1", a.name(), "org"),
                                "applications",
                                "submit",
                                s,
                                null,
                                record.after(),
                                record.previousHash(),
                                h),
                        new AuditRecord(
                                3,
                                record.at(),
                                a,
                                "screening",
                                "submit",
                                s,
                                null,
                                record.after(),
                                record.previousHash(),
                                h),
                        new AuditRecord(
                                3,
                                record.at(),
                                a,
                                "applications",
                                "decide",
                                s,
                                null,
                                record.after(),
                                record.previousHash(),
                                h),
                        new AuditRecord(
                                3,
                                record.at(),
                                a,
                                "applications",
                                "submit",
                                new Subject("user", s.id()),
                                null,
                                record.after(),
                                record.previousHash(),
                                h),
                        new AuditRecord(
                                3,
                                record.at(),
                                a,
                                "applications",
                                "submit",
                                new Subject(s.type(), "other"),
                                null,
                                record.after(),
                                record.previousHash(),
                                h),
                        new AuditRecord(
                                3,
                                record.at(),
                                a,
                                "applications",
                                "submit",
                                s,
                                "{}",
                                record.after(),
                                record.previousHash(),
                                h),
                        new AuditRecord(
                                3, record.at(), a, "applications", "submit", s, null, "{}", record.previousHash(), h),
                        new AuditRecord(
                                3,
                                record.at(),
                                a,
                                "applications",
                                "submit",
                                s,
                                null,
                                record.after(),
                                "1".repeat(64),
                                h)))
                .allSatisfy(changed ->
                        assertThat(changed.intact()).as(changed.toString()).isFalse());
    }

    @Test
    void textIsClippedToItsColumnWithoutSplittingACharacter() {
        var entry = new AuditEntry(
                T0,
                new AuditActor(null, "x".repeat(199) + "😀", null),
                "applications",
                "submit",
                new Subject("application", "1"),
                "a\u0000b",
                "y".repeat(3000));

        assertThat(entry.actor().name()).hasSize(199);
        assertThat(entry.before()).isEqualTo("a\uFFFDb");
        assertThat(entry.after()).hasSize(AuditEntry.MAX_SUMMARY);
    }
}
