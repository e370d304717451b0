package org.kaifang.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaifang.audit.AuditFixtures.chain;
import static org.kaifang.audit.AuditFixtures.headOf;
import static org.kaifang.audit.AuditFixtures.walk;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kaifang.audit.Verification.Broken;
import org.kaifang.audit.Verification.Intact;
import org.kaifang.audit.Verification.Problem;

/** Walking a chain finds the first record that breaks it, and why. */
class ChainWalkTests {

    @Test
    void anIntactChainReportsItsLengthAndHeadHash() {
        var records = chain(5);

        assertThat(walk(records, headOf(records)))
                .isEqualTo(new Intact(5, records.getLast().hash()));
    }

    @Test
    void anEmptyChainIsIntact() {
        assertThat(walk(List.of(), headOf(List.of()))).isEqualTo(new Intact(0, ChainHash.GENESIS));
    }

    @Test
    void anEditedRecordIsNamedAsAltered() {
        var records = new ArrayList<>(chain(5));
        var third = records.get(2);
        records.set(
                2,
                new AuditRecord(
                        third.sequence(),
                        third.at(),
                        third.actor(),
                        third.module(),
                        "approve",
                        third.subject(),
                        third.before(),
                        third.after(),
                        third.previousHash(),
                        third.hash()));

        var result = (Broken) walk(records, headOf(chain(5)));

        assertThat(result.sequence()).isEqualTo(3);
        assertThat(result.problem()).isEqualTo(Problem.ALTERED);
        assertThat(result.checked()).isEqualTo(2);
        assertThat(result.detail()).startsWith("Record 3 was changed after it was written");
    }

    @Test
    void anEditedRecordWhoseHashWasRecomputedBreaksTheLinkOfTheNext() {
        var records = new ArrayList<>(chain(5));
        var third = records.get(2);
        var forged = new AuditRecord(
                        third.sequence(),
                        third.at(),
                        third.actor(),
                        third.module(),
                        "approve",
                        third.subject(),
                        third.before(),
                        third.after(),
                        third.previousHash(),
                        "")
                .withHash("");
        records.set(2, forged.withHash(ChainHash.of(forged)));

        var result = (Broken) walk(records, headOf(chain(5)));

        assertThat(result.sequence()).isEqualTo(4);
        assertThat(result.problem()).isEqualTo(Problem.LINK);
        assertThat(result.detail()).contains("record 3 was replaced");
    }

    @Test
    void aDeletedRecordIsNamedAsMissing() {
        var records = new ArrayList<>(chain(5));
        records.remove(1);

        var result = (Broken) walk(records, headOf(chain(5)));

        assertThat(result.sequence()).isEqualTo(2);
        assertThat(result.problem()).isEqualTo(Problem.MISSING);
        assertThat(result.detail()).isEqualTo("Records 2 to 2 are missing: the record after 1 is 3");
    }

    @Test
    void deletedRecordsAtTheEndAreFoundFromTheHead() {
        var whole = chain(5);

        var result = (Broken) walk(whole.subList(0, 3), headOf(whole));

        assertThat(result.sequence()).isEqualTo(4);
        assertThat(result.problem()).isEqualTo(Problem.MISSING);
        assertThat(result.detail()).contains("Records 4 to 5 are missing at the end");
    }

    @Test
    void recordsSwappedInOrderAreFound() {
        var records = new ArrayList<>(chain(5));
        var second = records.get(1);
        var third = records.get(2);
        // The rows keep their places but exchange their sequence numbers, as an UPDATE would do.
        records.set(1, renumbered(third, 2));
        records.set(2, renumbered(second, 3));

        var result = (Broken) walk(records, headOf(chain(5)));

        assertThat(result.sequence()).isEqualTo(2);
        assertThat(result.problem()).isEqualTo(Problem.ALTERED);
    }

    @Test
    void recordsReorderedWithRecomputedHashesBreakTheLink() {
        var original = chain(4);
        // An attacker re-signs records 2 and 3 in swapped order but cannot fix record 4's previous hash without
        // re-signing it too, and so on to the head.
        var a = AuditRecord.chain(2, original.get(0).hash(), entryOf(original.get(2)));
        var b = AuditRecord.chain(3, a.hash(), entryOf(original.get(1)));
        var records = List.of(original.get(0), a, b, original.get(3));

        var result = (Broken) walk(records, headOf(original));

        assertThat(result.sequence()).isEqualTo(4);
        assertThat(result.problem()).isEqualTo(Problem.LINK);
    }

    @Test
    void aForgedPreviousHashIsFound() {
        var records = new ArrayList<>(chain(4));
        var third = records.get(2);
        // Record 3 re-signed to follow record 1, as if record 2 had never been written.
        records.set(2, AuditRecord.chain(3, records.get(0).hash(), entryOf(third)));

        var result = (Broken) walk(records, headOf(chain(4)));

        assertThat(result.sequence()).isEqualTo(3);
        assertThat(result.problem()).isEqualTo(Problem.LINK);
    }

    @Test
    void aRecordAppendedBehindTheHeadsBackIsFound() {
        var records = chain(4);

        var result = (Broken) walk(records, headOf(records.subList(0, 3)));

        assertThat(result.sequence()).isEqualTo(4);
        assertThat(result.problem()).isEqualTo(Problem.HEAD);
    }

    @Test
    void aHeadWithAnotherHashIsFound() {
        var records = chain(3);

        var result = (Broken) walk(records, new ChainHead(3, "f".repeat(64)));

        assertThat(result.problem()).isEqualTo(Problem.HEAD);
        assertThat(result.sequence()).isEqualTo(3);
        assertThat(result.checked()).isEqualTo(3);
    }

    private static AuditRecord renumbered(AuditRecord r, long sequence) {
        return new AuditRecord(
                sequence,
                r.at(),
                r.actor(),
                r.module(),
                r.action(),
                r.subject(),
                r.before(),
                r.after(),
                r.previousHash(),
                r.hash());
    }

    private static AuditEntry entryOf(AuditRecord r) {
        return new AuditEntry(r.at(), r.actor(), r.module(), r.action(), r.subject(), r.before(), r.after());
    }
}
