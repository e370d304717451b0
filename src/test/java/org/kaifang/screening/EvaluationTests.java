package org.kaifang.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Precision, recall and F1 of the matcher on the project's labelled pairs ({@code screening/evaluation-pairs.csv},
 * built by {@code make-evaluation-pairs.py}; method and figures in docs/screening.md). A pair is flagged when its score
 * reaches the default possible-match threshold: that is what puts a name in front of an officer.
 */
class EvaluationTests {

    record Pair(String query, String listed, boolean person, boolean same, String category) {}

    record Scored(Pair pair, double score) {}

    record Figures(int tp, int fp, int fn, int tn) {
        double precision() {
            return tp + fp == 0 ? 1.0 : (double) tp / (tp + fp);
        }

        double recall() {
            return tp + fn == 0 ? 1.0 : (double) tp / (tp + fn);
        }

        double f1() {
            return 2 * precision() * recall() / (precision() + recall());
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "precision %.3f recall %.3f F1 %.3f (TP %d FP %d FN %d TN %d)",
                    precision(),
                    recall(),
                    f1(),
                    tp,
                    fp,
                    fn,
                    tn);
        }
    }

    static List<Pair> pairs() {
        try (var in = EvaluationTests.class.getResourceAsStream("/screening/evaluation-pairs.csv")) {
            var rows = Csv.parse("evaluation-pairs.csv", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return rows.subList(1, rows.size()).stream()
                    .map(r -> new Pair(
                            r.fields().get(0),
                            r.fields().get(1),
                            r.fields().get(2).equals("PERSON"),
                            r.fields().get(3).equals("1"),
                            r.fields().get(4)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Scored> scored() {
        return pairs().stream()
                .map(p -> new Scored(
                        p,
                        NameScorer.compare(
                                        NameNormaliser.normalise(p.query()),
                                        NameNormaliser.normalise(p.listed()),
                                        p.person())
                                .score()))
                .toList();
    }

    static Figures at(List<Scored> scored, double threshold) {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (var s : scored) {
            var flagged = s.score() >= threshold;
            if (s.pair().same()) {
                if (flagged) tp++;
                else fn++;
            } else if (flagged) fp++;
            else tn++;
        }
        return new Figures(tp, fp, fn, tn);
    }

    @Test
    void meetsTheRecallAndPrecisionGoalsAtTheDefaultThresholds() {
        var scored = scored();
        var flagged = at(scored, Thresholds.DEFAULT.possibleMatch());
        var matched = at(scored, Thresholds.DEFAULT.match());

        System.out.println("Evaluation pairs: " + scored.size() + " ("
                + scored.stream().filter(s -> s.pair().same()).count() + " same entity)");
        System.out.println("Flagged (score ≥ " + Thresholds.DEFAULT.possibleMatch() + "): " + flagged);
        System.out.println("MATCH (score ≥ " + Thresholds.DEFAULT.match() + "): " + matched);
        System.out.println("Threshold sweep:");
        for (var t = 0.70; t < 0.995; t += 0.02) {
            System.out.println(String.format(Locale.ROOT, "  %.2f %s", t, at(scored, t)));
        }
        var byCategory = new TreeMap<String, List<Scored>>();
        scored.forEach(s -> byCategory
                .computeIfAbsent(s.pair().category(), k -> new ArrayList<>())
                .add(s));
        System.out.println("By category (flagged / pairs):");
        byCategory.forEach((category, list) -> System.out.println("  " + category + ": "
                + list.stream()
                        .filter(s -> s.score() >= Thresholds.DEFAULT.possibleMatch())
                        .count() + " / "
                + list.size()));
        var errors = new LinkedHashMap<String, Double>();
        for (var s : scored) {
            var flag = s.score() >= Thresholds.DEFAULT.possibleMatch();
            if (flag != s.pair().same()) {
                errors.put(
                        (s.pair().same() ? "missed  " : "false + ") + s.pair().query() + " | "
                                + s.pair().listed(),
                        s.score());
            }
        }
        System.out.println("Errors:");
        errors.forEach((k, v) -> System.out.println(String.format(Locale.ROOT, "  %.3f %s", v, k)));

        assertThat(scored).hasSizeGreaterThanOrEqualTo(400);
        assertThat(flagged.recall()).isGreaterThanOrEqualTo(0.98);
        assertThat(flagged.precision()).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void theIndexProposesTheListedNameForEverySameEntityPair() {
        var pairs = pairs();
        var entries = new LinkedHashMap<String, ListEntry>();
        var announcement = new Announcement(
                "evaluation",
                RestrictedList.UEL,
                null,
                new Explanation("评估", "evaluation"),
                java.time.LocalDate.of(2025, 1, 1),
                new Source("evaluation set", null, Confidence.I),
                java.util.Set.of(),
                Confidence.I,
                List.of(),
                null);
        for (var p : pairs) {
            entries.computeIfAbsent(
                    p.listed(),
                    name -> new ListEntry(
                            "e" + entries.size(),
                            p.person() ? EntryKind.PERSON : EntryKind.COMPANY,
                            List.of(new EntryName(name, Confidence.I)),
                            List.of(Listing.under(announcement)),
                            null));
        }
        var index = NameIndex.of(List.copyOf(entries.values()));

        var missed = pairs.stream()
                .filter(Pair::same)
                .filter(p -> java.util.Arrays.stream(index.candidates(NameNormaliser.normalise(p.query())))
                        .mapToObj(i -> index.entries().get(i))
                        .noneMatch(e -> e == entries.get(p.listed())))
                .map(p -> p.query() + " | " + p.listed())
                .toList();

        assertThat(missed).isEmpty();
    }
}
