package org.kaifang.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the scorer over generated names in Latin and Chinese script. */
class NameScorerPropertiesTests {

    @Provide
    Arbitrary<String> latinNames() {
        // Words of four letters or more that are not legal forms or stop words: a name must have something distinctive.
        var word = Arbitraries.strings()
                .withCharRange('a', 'z')
                .ofMinLength(4)
                .ofMaxLength(10)
                .filter(w -> NameNormaliser.normalise(w).tokens().getFirst().kind() == NormalisedName.TokenKind.WORD);
        return word.list().ofMinSize(1).ofMaxSize(4).map(ws -> String.join(" ", ws));
    }

    @Provide
    Arbitrary<String> chineseNames() {
        return Arbitraries.strings()
                .withCharRange('\u4e00', '\u9fa5')
                .ofMinLength(2)
                .ofMaxLength(8);
    }

    @Property(tries = 300)
    void aNameMatchesItselfFully(@ForAll("latinNames") String name) {
        assertThat(score(name, name)).isEqualTo(1.0);
    }

    @Property(tries = 300)
    void caseWidthAndLegalFormsDoNotMatter(@ForAll("latinNames") String name) {
        var wide = name.toUpperCase(Locale.ROOT)
                .codePoints()
                .map(c -> c >= 'A' && c <= 'Z' ? c - 'A' + 'Ａ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        assertThat(score(wide + ", Inc.", name)).isGreaterThanOrEqualTo(0.9);
    }

    @Property(tries = 300)
    void aChineseNameMatchesItsTraditionalFormOrItselfWithALegalForm(@ForAll("chineseNames") String name) {
        assertThat(score(name + "有限公司", name)).isEqualTo(1.0);
    }

    @Property(tries = 300)
    void scoresLieBetweenZeroAndOne(@ForAll("latinNames") String a, @ForAll("chineseNames") String b) {
        assertThat(score(a, b)).isBetween(0.0, 1.0);
        assertThat(score(b, a)).isBetween(0.0, 1.0);
        assertThat(score(a, a + " " + b)).isBetween(0.0, 1.0);
    }

    static double score(String query, String listed) {
        return NameScorer.compare(NameNormaliser.normalise(query), NameNormaliser.normalise(listed), false)
                .score();
    }
}
