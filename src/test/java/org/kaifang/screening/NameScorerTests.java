package org.kaifang.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kaifang.screening.TokenMatch.How;

class NameScorerTests {

    static NameMatch compare(String query, String listed, boolean person) {
        return NameScorer.compare(NameNormaliser.normalise(query), NameNormaliser.normalise(listed), person);
    }

    @Test
    void normalisesWidthCaseAccentsPunctuationAndLegalForms() {
        var name = NameNormaliser.normalise("Ｂｊörn-Jerdén  O'Brien & Co., L.L.C.");

        assertThat(name.tokens())
                .extracting(NormalisedName.Token::text)
                .containsExactly("bjorn", "jerden", "obrien", "and", "co", "llc");
        assertThat(name.tokens())
                .extracting(NormalisedName.Token::kind)
                .containsExactly(
                        NormalisedName.TokenKind.WORD,
                        NormalisedName.TokenKind.WORD,
                        NormalisedName.TokenKind.WORD,
                        NormalisedName.TokenKind.STOPWORD,
                        NormalisedName.TokenKind.LEGAL_FORM,
                        NormalisedName.TokenKind.LEGAL_FORM);
    }

    @Test
    void chineseNamesLoseLegalFormsAndTraditionalCharacters() {
        var name = NameNormaliser.normalise("阿里巴巴集團控股有限公司");

        assertThat(name.han()).isEqualTo("阿里巴巴");
        assertThat(name.hanLegalForms()).containsExactly("集团", "控股", "有限公司");
        assertThat(name.pinyin()).containsExactly("a", "li", "ba", "ba");
        // A known failure elsewhere: a CJK name scoring 0 against itself once its legal forms are gone.
        assertThat(compare("阿里巴巴集团控股有限公司", "阿里巴巴集团控股", false).score()).isEqualTo(1.0);
    }

    @Test
    void wadeGilesMeetsTheChineseCharacters() {
        var match = compare("Wang Ting-yu", "王定宇", true);

        assertThat(match.comparison()).isEqualTo(NameMatch.Comparison.CROSS_SCRIPT);
        assertThat(match.score()).isGreaterThanOrEqualTo(Thresholds.DEFAULT.match());
        assertThat(match.tokens()).anySatisfy(t -> {
            assertThat(t.query()).isEqualTo("ting");
            assertThat(t.listed()).isEqualTo("ding");
            assertThat(t.how()).isEqualTo(How.ROMANISATION);
        });
    }

    @Test
    void wadeGilesEquivalenceIsForPersonsOnly() {
        assertThat(compare("Koo Li-hsiung", "Gu Li-xiong", true).score()).isGreaterThanOrEqualTo(0.9);
        assertThat(compare("Koo Li-hsiung", "Gu Li-xiong", false).score()).isLessThan(0.8);
    }

    @Test
    void shortNamesMustAgreeExactly() {
        // "Li Wu" and "Lu Wu" are different people (a known weakness of edit distance on short tokens).
        assertThat(compare("Li Wu", "Lu Wu", true).score()).isLessThan(Thresholds.DEFAULT.possibleMatch());
    }

    @Test
    void aLegalFormAloneDoesNotMatch() {
        assertThat(compare("Corp", "Lockheed Martin Corp", false).score()).isLessThan(0.3);
        assertThat(compare("Skydio Inc.", "Skydio", false).score()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void siblingCompaniesStayApart() {
        assertThat(compare("Lockheed Martin Aeronautics", "Lockheed Martin Corporation", false)
                        .score())
                .isLessThan(Thresholds.DEFAULT.possibleMatch());
        assertThat(compare("洛克希德·马丁航空公司", "洛克希德·马丁公司", false).score()).isLessThan(Thresholds.DEFAULT.possibleMatch());
    }

    @Test
    void wordsRunTogetherOrSplitStillMatch() {
        var match = compare("Havoc AI", "HavocAI", false);

        assertThat(match.score()).isGreaterThanOrEqualTo(0.95);
        assertThat(match.tokens()).extracting(TokenMatch::how).containsExactly(How.RUN_TOGETHER);
    }

    @Test
    void homophoneCharactersArePossibleButNotCertain() {
        var match = compare("洛克希德·玛丁公司", "洛克希德·马丁公司", false);

        assertThat(match.tokens().getFirst().how()).isEqualTo(How.HOMOPHONE);
        assertThat(match.score()).isLessThan(1.0).isGreaterThanOrEqualTo(Thresholds.DEFAULT.match());
    }

    @Test
    void romanisationKeysAgreeAcrossSystems() {
        assertThat(Romanisation.key("hsiung")).isEqualTo(Romanisation.key("xiong"));
        assertThat(Romanisation.key("tsai")).isEqualTo(Romanisation.key("cai"));
        assertThat(Romanisation.key("chien")).isEqualTo(Romanisation.key("jian"));
        assertThat(Romanisation.key("jen")).isEqualTo(Romanisation.key("ren"));
        assertThat(Romanisation.key("shih")).isEqualTo(Romanisation.key("shi"));
        assertThat(Romanisation.key("kuo")).isEqualTo(Romanisation.key("guo"));
        assertThat(Romanisation.key("li")).isNotEqualTo(Romanisation.key("lu"));
        assertThat(Romanisation.skeleton("tsetung")).isEqualTo(Romanisation.skeleton("zedong"));
    }
}
