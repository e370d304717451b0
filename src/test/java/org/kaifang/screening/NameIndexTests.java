package org.kaifang.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kaifang.screening.bench.SyntheticLists;

/**
 * The index's pruned candidate search chooses exactly what a plain pass over every posting chooses: the same entries in
 * the same order. The reference below is that plain pass, written from the index's contract (rarity-weighted shared
 * keys, common keys skipped, the best names, the floors, then their entries); the list is large enough that the
 * common keys' postings are long and the pruning engages.
 */
class NameIndexTests {

    static final int ROWS = 40_000;

    static NameIndex index;
    static List<String> queries;
    static Map<String, List<Integer>> postings;

    @BeforeAll
    static void build() {
        var rows = SyntheticLists.rows(ROWS, 7L);
        var list = OpenSanctionsCsv.read("synthetic.csv", SyntheticLists.csv(rows), "test")
                .list();
        index = NameIndex.of(list.entries());
        queries = SyntheticLists.queries(rows, 400, 8L);
        postings = new HashMap<>();
        var id = 0;
        for (var position = 0; position < index.entries().size(); position++) {
            var person = index.entries().get(position).kind() == EntryKind.PERSON;
            for (var name : index.namesOf(position)) {
                for (var key : NameIndex.keys(name, person)) {
                    postings.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
                }
                id++;
            }
        }
    }

    @Test
    void prunedSearchChoosesWhatAFullPassChooses() {
        var pruned = 0;
        for (var text : queries) {
            var query = NameNormaliser.normalise(text);
            var entryScores = new HashMap<Integer, Double>();
            var expected = fullPass(query, entryScores);
            var actual = index.candidates(query);
            assertThat(actual).as(text).containsExactlyInAnyOrder(expected);
            // The index sums in floats: only names whose scores differ by less than that rounding may swap places.
            for (var i = 0; i + 1 < actual.length; i++) {
                assertThat(entryScores.get(actual[i]))
                        .as(text)
                        .isGreaterThanOrEqualTo(entryScores.get(actual[i + 1]) - 1e-3);
            }
            if (expected.length > 0) {
                pruned++;
            }
        }
        // The comparison means something only if most queries find candidates.
        assertThat(pruned).isGreaterThan(queries.size() / 2);
    }

    @Test
    void aNameOfTheListFindsItsOwnEntryFirst() {
        for (var position = 0; position < 500; position++) {
            var name = index.namesOf(position).getFirst();
            var candidates = index.candidates(NameNormaliser.normalise(name.original()));
            assertThat(candidates).as(name.original()).isNotEmpty();
            var entries = index.entries();
            var first = entries.get(candidates[0]);
            assertThat(first.names().stream().map(EntryName::text))
                    .as(name.original())
                    .contains(entries.get(position).names().getFirst().text());
        }
    }

    private static int[] fullPass(NormalisedName query, Map<Integer, Double> entryScores) {
        var size = index.size();
        var cap = Math.max(1000, size / 100);
        var score = new double[size];
        var total = 0.0;
        for (var key : NameIndex.keys(query, true)) {
            var ids = postings.get(key);
            if (ids == null || ids.size() > cap) {
                continue;
            }
            var idf = Math.log(1.0 + (double) size / ids.size());
            total += idf;
            for (var id : ids) {
                score[id] += idf;
            }
        }
        var ranked = new ArrayList<Integer>();
        for (var id = 0; id < size; id++) {
            if (score[id] > 0) {
                ranked.add(id);
            }
        }
        ranked.sort((a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(a, b));
        var best = ranked.subList(0, Math.min(ranked.size(), NameIndex.CANDIDATES * 4));
        if (best.isEmpty()) {
            return new int[0];
        }
        var floor = Math.max(NameIndex.RELATIVE_FLOOR * score[best.getFirst()], NameIndex.ABSOLUTE_FLOOR * total);
        var owner = new int[size];
        var id = 0;
        for (var position = 0; position < index.entries().size(); position++) {
            for (var ignored : index.namesOf(position)) {
                owner[id++] = position;
            }
        }
        var chosen = new LinkedHashSet<Integer>();
        for (var name : best) {
            // Scores are summed in floats by the index; compare with the tolerance that rounding allows.
            if (score[name] < floor - 1e-3) {
                break;
            }
            chosen.add(owner[name]);
            entryScores.merge(owner[name], score[name], Math::max);
            if (chosen.size() == NameIndex.CANDIDATES) {
                break;
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }
}
