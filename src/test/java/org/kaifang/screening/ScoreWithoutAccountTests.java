package org.kaifang.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.kaifang.screening.bench.SyntheticLists;

/**
 * The shortcuts of scoring a candidate: {@link NameScorer#score} (no token account), the bounded edit distance and the
 * regex-free skeleton must give exactly what the full comparison and the plain definitions give, or screening results
 * would change.
 */
class ScoreWithoutAccountTests {

    @Test
    void theScoreAloneIsTheScoreOfTheFullComparisonOnListLikeNames() {
        var rows = SyntheticLists.rows(600, 20_261_129L);
        var queries = SyntheticLists.queries(rows, 300, 20_261_130L);
        var listed = new ArrayList<NormalisedName>();
        for (var row : rows) {
            for (var name : List.of(row.name(), row.alias(), row.chineseName())) {
                if (!name.isBlank()) {
                    listed.add(NameNormaliser.normalise(name));
                }
            }
        }
        var random = new SplittableRandom(7);
        var compared = 0;
        var above = 0;
        for (var text : queries) {
            var query = new NameScorer.Side(NameNormaliser.normalise(text));
            // Every query against 40 random names and against the names it was made from (the high scores).
            for (var k = 0; k < 40; k++) {
                var name = listed.get(random.nextInt(listed.size()));
                for (var romanise : new boolean[] {false, true}) {
                    var full = NameScorer.compare(query, name, romanise).score();
                    assertThat(NameScorer.score(query, name, romanise))
                            .as("%s against %s", text, name.original())
                            .isEqualTo(full);
                    compared++;
                }
            }
            for (var name : listed) {
                if (NameScorer.score(query, name, true) >= 0.8) {
                    assertThat(NameScorer.score(query, name, true))
                            .isEqualTo(
                                    NameScorer.compare(query.name, name, true).score());
                    above++;
                }
            }
        }
        assertThat(compared).isEqualTo(300 * 40 * 2);
        assertThat(above).as("pairs at or above the possible-match threshold").isGreaterThan(100);
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withChars("abcdeghijnstuz'").ofMinLength(0).ofMaxLength(12);
    }

    @Property(tries = 2000)
    void theBoundedDistanceIsExactUpToItsBoundAndAboveItBeyond(
            @ForAll("words") String a, @ForAll("words") String b, @ForAll("bounds") int max) {
        var exact = Similarity.transpositions(a, b);
        var bounded = Similarity.transpositions(a, b, max);
        if (exact <= max) {
            assertThat(bounded).isEqualTo(exact);
        } else {
            assertThat(bounded).isGreaterThan(max);
        }
    }

    @Provide
    Arbitrary<Integer> bounds() {
        return Arbitraries.integers().between(0, 4);
    }

    private static final Pattern J_BEFORE_OTHER_THAN_I_OR_U = Pattern.compile("j(?=[^iu])");

    @Property(tries = 2000)
    void wadeGilesJIsReplacedAsTheRegexDid(@ForAll("words") String run) {
        assertThat(Romanisation.jAsR(run))
                .isEqualTo(J_BEFORE_OTHER_THAN_I_OR_U.matcher(run).replaceAll("r"));
    }
}
