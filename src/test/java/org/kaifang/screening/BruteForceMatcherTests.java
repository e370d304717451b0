package org.kaifang.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kaifang.screening.bench.BruteForceMatcher;

/**
 * The brute-force Jaro–Winkler matcher of the side-by-side screening benchmark (issue 9), and its recall against
 * Kaifang's on the project's labelled pairs ({@code screening/evaluation-pairs.csv}, as {@link EvaluationTests}): a pair
 * counts as found when the matcher would put the listed name in front of an officer.
 */
class BruteForceMatcherTests {

    private static final double[] THRESHOLDS = {0.70, 0.75, 0.80, 0.85, 0.88, 0.90, 0.92, 0.95};

    private static EvaluationTests.Figures bruteForce(double threshold) {
        var scored = EvaluationTests.pairs().stream()
                .map(p -> new EvaluationTests.Scored(p, BruteForceMatcher.score(p.query(), p.listed())))
                .toList();
        return EvaluationTests.at(scored, threshold);
    }

    @Test
    void kaifangHasBetterRecallAndPrecisionThanJaroWinklerAtAnyThreshold() {
        var kaifang = EvaluationTests.at(EvaluationTests.scored(), Thresholds.DEFAULT.possibleMatch());
        System.out.println("[recall] Kaifang (score ≥ " + Thresholds.DEFAULT.possibleMatch() + "): " + kaifang);
        for (var threshold : THRESHOLDS) {
            var figures = bruteForce(threshold);
            System.out.println(
                    String.format(Locale.ROOT, "[recall] Jaro–Winkler brute force ≥ %.2f: %s", threshold, figures));

            // Whatever threshold the brute force is set to, it finds fewer same-entity pairs and flags more wrong ones.
            assertThat(kaifang.recall()).as("recall against ≥ %.2f", threshold).isGreaterThan(figures.recall());
            assertThat(kaifang.precision())
                    .as("precision against ≥ %.2f", threshold)
                    .isGreaterThanOrEqualTo(figures.precision());
        }
    }

    @Test
    void scansEveryNameOfEveryEntryAndReportsTheEntriesAboveTheThresholdBestFirst() {
        var announcement = new Announcement(
                "test",
                RestrictedList.UEL,
                null,
                new Explanation("测试", "test"),
                LocalDate.of(2025, 1, 1),
                new Source("test", null, Confidence.V),
                Set.of(),
                Confidence.V,
                List.of(),
                null);
        var lockheed = new ListEntry(
                "e1",
                EntryKind.COMPANY,
                List.of(
                        new EntryName("Lockheed Martin Corporation", Confidence.V),
                        new EntryName("洛克希德·马丁公司", Confidence.V)),
                List.of(Listing.under(announcement)),
                "US");
        var raytheon = new ListEntry(
                "e2",
                EntryKind.COMPANY,
                List.of(new EntryName("Raytheon Missiles & Defense", Confidence.V)),
                List.of(Listing.under(announcement)),
                "US");
        var list = new RestrictedPartyList(new ListRef("test", "1", "0"), List.of(lockheed, raytheon));
        var matcher = new BruteForceMatcher(List.of(list));

        var matches = matcher.screen("LOCKHEED-MARTIN CORP.", 0.85);

        assertThat(matcher.names()).isEqualTo(3);
        assertThat(matches).extracting(BruteForceMatcher.Match::entry).containsExactly(lockheed);
        assertThat(matches.getFirst().name()).isEqualTo("Lockheed Martin Corporation");
        assertThat(matches.getFirst().score()).isGreaterThan(0.85);
        assertThat(matcher.screen("Raytheon Missiles and Defense", 0.85))
                .extracting(BruteForceMatcher.Match::entry)
                .containsExactly(raytheon);
        assertThat(matcher.screen("Acme Widgets", 0.85)).isEmpty();
    }
}
