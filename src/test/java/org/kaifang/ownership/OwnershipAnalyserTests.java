package org.kaifang.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.kaifang.ownership.Structures.structure;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Golden cases of look-through ownership and control, each derived by hand. */
class OwnershipAnalyserTests {

    /** Mainland China is domestic; Hong Kong, Macau and Taiwan count as foreign (FTE Provisions art. 16). */
    static final OwnershipAnalyser ANALYSER = new OwnershipAnalyser(Set.of("CN"));

    @Test
    void analysesTheContractExample() {
        var analysis = ANALYSER.analyse(structure()
                .company("parent", "Example AG", "DE")
                .company("hk", "Example (HK) Ltd", "HK")
                .person("cn-partner", "张三", "CN")
                .holds("parent", 100, "hk")
                .holds("hk", 60, "applicant")
                .holds("cn-partner", 40, "applicant")
                .controls("parent", ControlKind.CONTRACTUAL, "applicant")
                .build());

        assertThat(analysis.foreignEquity().direct()).isEqualTo(60.0);
        assertThat(analysis.foreignEquity().lookThrough()).isEqualTo(60.0);
        assertThat(analysis.foreignEquity().lookThroughRange()).isEqualTo(new OwnershipAnalysis.Range(60, 60));
        assertThat(analysis.effective())
                .containsExactly(
                        new OwnershipAnalysis.Effective("parent", 60.0, true),
                        new OwnershipAnalysis.Effective("cn-partner", 40.0, false));
        assertThat(analysis.paths().getFirst().parties()).containsExactly("parent", "hk", "applicant");
        assertThat(analysis.paths().getFirst().percent()).isEqualTo(60.0);
        assertThat(analysis.paths().getFirst().text())
                .isEqualTo("Example AG (DE) → 100% Example (HK) Ltd (HK) → 60% Example Applicant Co., Ltd. (CN) = 60%");
        assertThat(analysis.foreignControlled()).isTrue();
        assertThat(analysis.controllers()).allSatisfy(c -> assertThat(c.party()).isEqualTo("parent"));
        assertThat(analysis.controllers())
                .extracting(OwnershipAnalysis.Controller::chain)
                .contains(List.of("parent", "hk", "applicant"), List.of("parent", "applicant"));
    }

    /** 47 CFR §1.5002(b)(1): a 30% interest in a company that holds 40% is a 12% indirect interest. */
    @Test
    void multipliesAlongAChainAsTheFccRuleDoes() {
        var analysis = ANALYSER.analyse(structure()
                .company("a", "Foreign A Inc.", "US")
                .company("b", "Intermediate B Co.", "CN")
                .person("c", "Domestic C", "CN")
                .holds("a", 30, "b")
                .holds("c", 70, "b")
                .holds("b", 40, "applicant")
                .holds("c", 60, "applicant")
                .build());

        assertThat(analysis.foreignEquity().lookThrough()).isEqualTo(12.0);
        assertThat(analysis.foreignEquity().direct()).isEqualTo(0.0);
        assertThat(analysis.effective())
                .contains(
                        new OwnershipAnalysis.Effective("a", 12.0, true),
                        new OwnershipAnalysis.Effective("c", 88.0, false));
    }

    /** Sums over parallel chains: two 30% × 40% chains give 24%. */
    @Test
    void sumsOverParallelChains() {
        var analysis = ANALYSER.analyse(structure()
                .company("f", "Foreign F", "JP")
                .company("b1", "B1", "CN")
                .company("b2", "B2", "CN")
                .person("d", "Domestic D", "CN")
                .holds("f", 30, "b1")
                .holds("d", 70, "b1")
                .holds("f", 30, "b2")
                .holds("d", 70, "b2")
                .holds("b1", 40, "applicant")
                .holds("b2", 40, "applicant")
                .holds("d", 20, "applicant")
                .build());

        assertThat(analysis.foreignEquity().lookThrough()).isEqualTo(24.0);
        assertThat(analysis.paths()).hasSize(5);
        assertThat(analysis.paths().getFirst().percent()).isEqualTo(28.0);
    }

    /**
     * A two-company cycle, solved by hand: f(A) = 0.5 + 0.2 f(B), f(B) = 0.3 f(A) + 0.7, so f(A) = 0.64 / 0.94 and
     * the applicant, 60% held by A, is 0.6 × 0.64 / 0.94 = 40.8511% foreign.
     */
    @Test
    void solvesATwoCompanyCycleExactly() {
        var analysis = ANALYSER.analyse(structure()
                .company("a", "Company A", "CN")
                .company("b", "Company B", "CN")
                .company("f", "Foreign F", "DE")
                .company("g", "Foreign G", "FR")
                .person("p", "Domestic P", "CN")
                .holds("f", 50, "a")
                .holds("b", 20, "a")
                .holds("a", 30, "b")
                .holds("g", 70, "b")
                .holds("a", 60, "applicant")
                .holds("p", 40, "applicant")
                .build());

        assertThat(analysis.foreignEquity().lookThrough()).isCloseTo(100 * 0.6 * 0.64 / 0.94, within(1e-4));
        var sA = 0.6 / 0.94;
        assertThat(analysis.effective())
                .contains(
                        new OwnershipAnalysis.Effective("f", OwnershipAnalyser.percent(0.5 * sA), true),
                        new OwnershipAnalysis.Effective("g", OwnershipAnalyser.percent(0.7 * 0.2 * sA), true),
                        new OwnershipAnalysis.Effective("p", 40.0, false));
    }

    @Test
    void countsForeignEquityHeldThroughADomesticIntermediary() {
        var analysis = ANALYSER.analyse(structure()
                .company("de", "Siemens AG", "DE")
                .company("hk", "Siemens (HK) Holding Ltd", "HK")
                .company("wfoe", "Siemens Ltd. China", "CN")
                .person("cn", "王五", "CN")
                .holds("de", 100, "hk")
                .holds("hk", 100, "wfoe")
                .holds("wfoe", 60, "applicant")
                .holds("cn", 40, "applicant")
                .build());

        assertThat(analysis.foreignEquity().direct()).isEqualTo(0.0);
        assertThat(analysis.foreignEquity().lookThrough()).isEqualTo(60.0);
        assertThat(analysis.paths().getFirst().parties()).containsExactly("de", "hk", "wfoe", "applicant");
        assertThat(analysis.paths().getFirst().text()).contains("Siemens AG (DE) → 100% Siemens (HK) Holding Ltd (HK)");
        assertThat(analysis.foreignControlled()).isTrue();
    }

    @Test
    void propagatesDisclosedBandsAsBounds() {
        var analysis = ANALYSER.analyse(structure()
                .company("f", "Foreign F", "SG")
                .company("x", "Domestic X", "CN")
                .person("d", "Domestic D", "CN")
                .holdsBetween("f", 5, 10, "applicant")
                .holdsBetween("f", 40, 60, "x")
                .holds("d", 40, "x")
                .holds("x", 50, "applicant")
                .holds("d", 40, "applicant")
                .build());

        assertThat(analysis.foreignEquity().directRange()).isEqualTo(new OwnershipAnalysis.Range(5, 10));
        assertThat(analysis.foreignEquity().lookThroughRange()).isEqualTo(new OwnershipAnalysis.Range(25, 40));
        assertThat(analysis.foreignEquity().lookThrough()).isEqualTo(32.5);
    }

    /**
     * Found by {@link OwnershipPropertiesTests}: the mid-points of two [40%, 80%] bands allot 120%, and a foreign
     * holder cannot hold 80% beside a domestic one holding at least 40%. The bands share the 20% left over in
     * proportion to their widths (50% each), and the direct upper bound is capped at the 60% the domestic holder
     * leaves.
     */
    @Test
    void keepsBandsThatOverAllotWithinAHundredPercent() {
        var analysis = ANALYSER.analyse(structure()
                .company("f", "Foreign F", "US")
                .person("d", "Domestic D", "CN")
                .holdsBetween("f", 40, 80, "applicant")
                .holdsBetween("d", 40, 80, "applicant")
                .build());

        assertThat(analysis.foreignEquity())
                .isEqualTo(new OwnershipAnalysis.ForeignEquity(
                        50, new OwnershipAnalysis.Range(40, 60), 50, new OwnershipAnalysis.Range(40, 60)));
        assertThat(analysis.effective())
                .containsExactly(
                        new OwnershipAnalysis.Effective("d", 50.0, false),
                        new OwnershipAnalysis.Effective("f", 50.0, true));
    }

    /**
     * Found by {@link OwnershipPropertiesTests}: with mid-points (95% + 20%) the cycle A ⇄ B gained more than it held
     * and solved to 200% foreign. B's bands now share the 10% left over as 92% and 8%, so
     * f(B) = 0.92·f(B) + 0.08 = 1: all equity entering the cycle is F's, and the applicant, 50% held by A, is 50%
     * foreign; at the bands' low ends F holds nothing and B's undisclosed 10% is domestic, so the lower bound is 0.
     */
    @Test
    void solvesACycleWhoseBandsOverAllot() {
        var analysis = ANALYSER.analyse(structure()
                .company("a", "Company A", "CN")
                .company("b", "Company B", "CN")
                .company("f", "Foreign F", "US")
                .person("p", "Domestic P", "CN")
                .holds("b", 100, "a")
                .holdsBetween("a", 90, 100, "b")
                .holdsBetween("f", 0, 40, "b")
                .holds("a", 50, "applicant")
                .holds("p", 50, "applicant")
                .build());

        assertThat(analysis.foreignEquity().lookThrough()).isEqualTo(50.0);
        assertThat(analysis.foreignEquity().lookThroughRange()).isEqualTo(new OwnershipAnalysis.Range(0, 50));
        assertThat(analysis.effective())
                .containsExactly(
                        new OwnershipAnalysis.Effective("f", 50.0, true),
                        new OwnershipAnalysis.Effective("p", 50.0, false));
    }

    /**
     * Found by {@link OwnershipPropertiesTests}: two companies holding 99.99–100% of each other. Iterating the bounds
     * moved them 0.01% a sweep and stopped short, at a value that depended on the order of the input. By hand, with
     * c₁ and c₂ their shares in each other, f(P1) = c₁(1 − c₂) / (1 − c₁c₂): 1 at c₁ = 100% (the upper bound), 0 at
     * c₂ = 100% (the lower), and 0.99995 / 1.99995 at the mid-points; the applicant is half held by P1.
     */
    @Test
    void boundsACycleWhoseMembersHoldNearlyAllOfEachOther() {
        var builder = structure()
                .company("p1", "Domestic P1", "CN")
                .company("p2", "Foreign P2", "DE")
                .person("d", "Domestic D", "CN")
                .holdsBetween("p2", 99.99, 100, "p1")
                .holdsBetween("p1", 99.99, 100, "p2")
                .holds("p1", 50, "applicant")
                .holds("d", 50, "applicant");
        var structure = builder.build();
        var reversed = new OwnershipStructure(
                structure.parties().reversed(), structure.holdings().reversed(), structure.control());

        var analysis = ANALYSER.analyse(structure);

        assertThat(analysis.foreignEquity().lookThrough()).isCloseTo(50 * 0.99995 / 1.99995, within(1e-4));
        assertThat(analysis.foreignEquity().lookThroughRange()).isEqualTo(new OwnershipAnalysis.Range(0, 50));
        assertThat(ANALYSER.analyse(reversed).foreignEquity()).isEqualTo(analysis.foreignEquity());
    }

    @Test
    void attributesUndisclosedEquityToTheCompanyItself() {
        var analysis = ANALYSER.analyse(structure()
                .company("hk", "Partly disclosed (HK) Ltd", "HK")
                .person("cn", "Domestic holder", "CN")
                .holds("cn", 30, "hk")
                .holds("hk", 100, "applicant")
                .build());

        assertThat(analysis.foreignEquity().direct()).isEqualTo(100.0);
        assertThat(analysis.foreignEquity().lookThrough()).isEqualTo(70.0);
    }

    @Test
    void findsForeignControlThroughAVieWithNoForeignEquity() {
        var analysis = ANALYSER.analyse(structure()
                .company("us", "Listco Inc.", "KY")
                .company("wfoe", "Listco Technology (Beijing) Co., Ltd.", "CN")
                .person("founder", "李四", "CN")
                .holds("us", 100, "wfoe")
                .holds("founder", 100, "applicant")
                .controls("wfoe", ControlKind.CONTRACTUAL, "applicant")
                .build());

        assertThat(analysis.foreignEquity().lookThrough()).isEqualTo(0.0);
        assertThat(analysis.foreignControlled()).isTrue();
        var viaContract = analysis.controllers().stream()
                .filter(c -> c.party().equals("us"))
                .findFirst()
                .orElseThrow();
        assertThat(viaContract.chain()).containsExactly("us", "wfoe", "applicant");
        assertThat(viaContract.reason().en()).contains("by contract (VIE)");
        assertThat(analysis.controllers())
                .extracting(OwnershipAnalysis.Controller::party)
                .contains("founder");
    }

    @Test
    void letsVotesDecideControlWhenTheyDifferFromEquity() {
        var analysis = ANALYSER.analyse(structure()
                .company("f", "Foreign F", "US")
                .person("d", "Domestic D", "CN")
                .holdsWithVotes("f", 40, 60, "applicant")
                .holdsWithVotes("d", 60, 40, "applicant")
                .build());

        assertThat(analysis.foreignEquity().lookThrough()).isEqualTo(40.0);
        assertThat(analysis.foreignControlled()).isTrue();
        assertThat(analysis.controllers()).singleElement().satisfies(c -> {
            assertThat(c.party()).isEqualTo("f");
            assertThat(c.reason().en()).isEqualTo("Foreign F holds 60% of the votes of Example Applicant Co., Ltd.");
            assertThat(c.reason().zh()).isEqualTo("Foreign F持有Example Applicant Co., Ltd.60%的表决权");
        });
    }

    @Test
    void refusesACycleThatOwnsAllOfItself() {
        var structure = structure()
                .company("a", "Loop A", "CN")
                .company("b", "Loop B", "CN")
                .holds("a", 100, "b")
                .holds("b", 100, "a")
                .holds("a", 50, "applicant")
                .build();

        assertThatThrownBy(() -> ANALYSER.analyse(structure))
                .isInstanceOf(InvalidStructure.class)
                .hasMessageContaining("'a'")
                .hasMessageContaining("'b'")
                .hasMessageContaining("no solution");
    }

    @Test
    void namesThePartyInEveryStructuralProblem() {
        var structure = structure()
                .company("x", "X", "CN")
                .company("x", "X again", "XX")
                .holds("x", 70, "applicant")
                .holds("ghost", 40, "applicant")
                .holds("applicant", 10, "applicant")
                .controls("x", ControlKind.GOLDEN_SHARE, "nobody")
                .build();

        var problems = OwnershipAnalyser.problems(structure);

        assertThat(problems)
                .extracting(StructureProblem::message)
                .anySatisfy(m -> assertThat(m).contains("duplicate party id 'x'"))
                .anySatisfy(m -> assertThat(m).contains("'XX'").contains("ISO 3166"))
                .anySatisfy(m -> assertThat(m).contains("unknown party 'ghost'"))
                .anySatisfy(m -> assertThat(m).contains("'applicant' cannot hold itself"))
                .anySatisfy(m -> assertThat(m).contains("holdings in 'applicant' sum to at least 120%"))
                .anySatisfy(m -> assertThat(m).contains("unknown party 'nobody'"));
    }
}
