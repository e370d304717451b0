package org.kaifang.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.kaifang.eligibility.EligibilityEngine;
import org.kaifang.eligibility.Outcome;
import org.kaifang.licensing.LicenceId;
import org.kaifang.licensing.LicenceKind;
import org.kaifang.licensing.LicenceStatus;
import org.kaifang.licensing.LicenceView;
import org.kaifang.licensing.LicensedService;
import org.kaifang.rules.RulePackLoader;

/** The what-if's core: two packs, one date, subjects made from licences as the licensing module describes them. */
class ComparisonTests {

    static final EligibilityEngine LIVE =
            new EligibilityEngine(RulePackLoader.fromDirectory(Path.of("rules/telecom-vas")));
    static final EligibilityEngine CANDIDATE =
            new EligibilityEngine(RulePackLoader.fromDirectory(Path.of("rules/candidates/twenty-cities-2025")));
    static final LocalDate AS_OF = LocalDate.parse("2025-09-01");

    /** A licence in force, as licensing would show it, held in {@code province} (its USCC's division). */
    static LicenceView licence(String id, String province, boolean foreign, LicensedService... services) {
        return licence(
                id,
                "合字B1-2024" + id.hashCode() % 10_000,
                "Holder " + id,
                "91" + province + "MA01ABCD0B",
                foreign,
                List.of(services));
    }

    /** A synthetic licence in force from 2024 to 2028 with these particulars. */
    static LicenceView licence(
            String id, String number, String holder, String uscc, boolean foreign, List<LicensedService> services) {
        return new LicenceView(
                new LicenceId(id),
                LicenceKind.LICENCE,
                number,
                holder,
                null,
                uscc,
                null,
                null,
                BigDecimal.valueOf(10_000_000),
                "MIIT",
                foreign,
                false,
                null,
                services,
                LocalDate.parse("2024-01-01"),
                LocalDate.parse("2024-01-01"),
                LocalDate.parse("2028-12-31"),
                LicenceStatus.NORMAL,
                List.of(),
                null,
                null,
                true,
                null,
                1);
    }

    static LicensedService userAccess(String coverage) {
        return new LicensedService("B14", "USER_ACCESS", List.of(coverage));
    }

    @Test
    void aForeignInvestedUserAccessProviderInTianjinGainsAReferral() {
        var subject = Subjects.holder(licence("tj", "120000", true, userAccess("120000")));
        var changes = new Comparison(LIVE, CANDIDATE, AS_OF).changes(subject);
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.direction()).isEqualTo(Direction.GAIN);
            assertThat(c.current()).isEqualTo(Outcome.NOT_PERMITTED);
            assertThat(c.candidate()).isEqualTo(Outcome.REFER);
            assertThat(c.candidateRule()).isEqualTo("pilot.vas-opening");
            assertThat(c.area()).isEqualTo("120000");
            assertThat(c.serviceKey()).isEqualTo("B14/USER_ACCESS");
        });
        assertThat(subject.equityAssumed()).isTrue();
    }

    @Test
    void domesticHoldersAndHoldersOutsideThePlanCitiesDoNotChange() {
        var comparison = new Comparison(LIVE, CANDIDATE, AS_OF);
        assertThat(comparison.changes(Subjects.holder(licence("d", "120000", false, userAccess("120000")))))
                .isEmpty();
        assertThat(comparison.changes(Subjects.holder(licence("zz", "410000", true, userAccess("410000")))))
                .isEmpty();
        // Beijing was already a pilot area: the plan changes nothing there.
        assertThat(comparison.changes(Subjects.holder(licence("bj", "110000", true, userAccess("110000")))))
                .isEmpty();
    }

    @Test
    void beforeThePlanNothingChanges() {
        var subject = Subjects.holder(licence("tj", "120000", true, userAccess("120000")));
        assertThat(new Comparison(LIVE, CANDIDATE, LocalDate.parse("2025-04-17")).changes(subject))
                .isEmpty();
    }

    @Test
    void holdersSharingTheirInputsAreJudgedOnce() {
        var comparison = new Comparison(LIVE, CANDIDATE, AS_OF);
        var subjects = new ArrayList<Subject>();
        for (int i = 0; i < 2_000; i++) {
            subjects.add(Subjects.holder(licence("h" + i, i % 2 == 0 ? "120000" : "410000", true, userAccess("CN"))));
        }
        var sink = new CountingSink();
        var complete = new Execution(source(subjects), comparison, sink, new AtomicBoolean()).execute();
        assertThat(complete).isTrue();
        assertThat(sink.last.subjects()).isEqualTo(2_000);
        assertThat(sink.last.gains()).isEqualTo(1_000);
        assertThat(sink.stored).hasSize(1_000);
        assertThat(comparison.distinctInputs()).isEqualTo(2);
        // Each page's changes are written when the page is done, numbered on from the last.
        assertThat(sink.firstSeqs).containsExactly(1L, 501L);
    }

    @Test
    void aCancelledRunStopsBetweenSubjects() {
        var subjects = new ArrayList<Subject>();
        for (int i = 0; i < 5_000; i++) {
            subjects.add(Subjects.holder(licence("h" + i, "120000", true, userAccess("CN"))));
        }
        var cancelled = new AtomicBoolean();
        var sink = new CountingSink() {
            @Override
            public void progress(Execution.Tally tally) {
                super.progress(tally);
                cancelled.set(true);
            }
        };
        var complete =
                new Execution(source(subjects), new Comparison(LIVE, CANDIDATE, AS_OF), sink, cancelled).execute();
        assertThat(complete).isFalse();
        assertThat(sink.last.subjects()).isEqualTo(1_000);
    }

    @Test
    void aHolderWithoutAUsccIsSeatedByItsProvincialAuthorityOrSkipped() {
        assertThat(Subjects.seat(null, "310000")).isEqualTo("310000");
        assertThat(Subjects.seat(null, "MIIT")).isNull();
        assertThat(Subjects.seat("91120116MA01ABCD0B", "MIIT")).isEqualTo("120116");
    }

    @Test
    void theEnterpriseDiffNamesTheRulesThatDiffer() {
        var subject = Subjects.holder(licence("tj", "120000", true, userAccess("120000")));
        var comparison = new Comparison(LIVE, CANDIDATE, AS_OF);
        var pair = comparison.judge(subject, subject.services().getFirst());
        var rules = EnterpriseDiff.rules(pair.current(), pair.candidate()).stream()
                .map(EnterpriseDiff.RuleDiff::rule)
                .toList();
        assertThat(rules).contains("pilot.vas-opening", "equity.cap", "equity.national-cap");
    }

    /** Pages of up to 1,000 subjects from a list. */
    static SubjectSource source(List<Subject> subjects) {
        return new SubjectSource() {
            @Override
            public void walk(Pages pages) {
                for (int i = 0; i < subjects.size(); i += 1_000) {
                    if (!pages.accept(subjects.subList(i, Math.min(subjects.size(), i + 1_000)), 0)) {
                        return;
                    }
                }
            }

            @Override
            public long estimate() {
                return subjects.size();
            }
        };
    }

    static class CountingSink implements Execution.Sink {
        final List<Change> stored = new ArrayList<>();
        final List<Long> firstSeqs = new ArrayList<>();
        Execution.Tally last = new Execution.Tally(0, 0, 0, 0, 0, 0);

        @Override
        public void changes(long firstSeq, List<Change> changes) {
            firstSeqs.add(firstSeq);
            stored.addAll(changes);
        }

        @Override
        public void progress(Execution.Tally tally) {
            last = tally;
        }
    }
}
