package org.kaifang.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kaifang.ownership.Holding;
import org.kaifang.ownership.Share;
import org.kaifang.rules.RulePackFixtures;
import org.kaifang.screening.BuiltInLists;
import org.kaifang.screening.Screening;
import org.kaifang.screening.Thresholds;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RestrictedPartiesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final EligibilityEngine ENGINE = new EligibilityEngine(RulePackFixtures.bundledPack());
    private static final RequestReader READER = new RequestReader(ENGINE.pack(), Screening.builtIn());

    /** A structure: the applicant, a partner holding the rest, and the given owner of {@code stake}%. */
    private static JsonNode request(String date, String owner, int stake) {
        return JSON.readTree("""
                {"asOf":"%s","applicant":{"name":"Harbour Cloud (Shanghai) Co., Ltd.","seat":"310115",
                 "registeredCapitalCny":10000000},
                 "ownership":{"parties":[
                   {"id":"applicant","name":"Harbour Cloud (Shanghai) Co., Ltd.","kind":"COMPANY","jurisdiction":"CN"},
                   {"id":"owner","name":"%s","kind":"COMPANY","jurisdiction":"US"},
                   {"id":"partner","name":"上海港云投资有限公司","kind":"COMPANY","jurisdiction":"CN"}],
                  "holdings":[{"owner":"owner","owned":"applicant","equityPercent":%d},
                              {"owner":"partner","owned":"applicant","equityPercent":%d}]},
                 "services":[{"code":"B21","item":"ECOMMERCE","coverage":["CN"]}]}
                """.formatted(date, owner, stake, 100 - stake));
    }

    private static Finding finding(Determination d, String rule) {
        return d.findings().stream()
                .filter(f -> f.rule().equals(rule))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + rule + " in " + d.findings()));
    }

    @Test
    void aSixtyPercentListedOwnerMakesTheApplicantNotPermittedCitingTheListing() {
        var d = ENGINE.determine(READER.read(request("2025-06-01", "Huntington Ingalls Industries, Inc.", 60)));

        assertThat(d.overall()).isEqualTo(Outcome.NOT_PERMITTED);
        var owner = finding(d, "restricted.owner");
        assertThat(owner.outcome()).isEqualTo(Outcome.NOT_PERMITTED);
        assertThat(owner.citation().instrument()).isEqualTo("LIST:uel-2025-03-04");
        assertThat(owner.citation().document()).contains("不可靠实体清单");
        assertThat(owner.citation().url()).isNotBlank();
        assertThat(owner.message().en()).contains("Huntington Ingalls Industries", "60%", "2025-06-01");
        assertThat(d.screening()).isNotNull();
        assertThat(d.screening().list().version()).isNotBlank();
        assertThat(d.screening().parties()).hasSize(3);
    }

    @Test
    void theDeterminationJsonRecordsTheListVersionAndEachPartysResult() {
        var d = ENGINE.determine(READER.read(request("2025-06-01", "Huntington Ingalls Industries, Inc.", 60)));

        var json = DeterminationJson.toJson("id", null, d);

        assertThat(json.at("/screening/list/version").asString())
                .isEqualTo(Screening.builtIn().list().version());
        assertThat(json.at("/screening/list/digest").asString()).startsWith("sha256:");
        assertThat(json.at("/screening/results/1/party").asString()).isEqualTo("owner");
        assertThat(json.at("/screening/results/1/outcome").asString()).isEqualTo("MATCH");
        assertThat(json.at("/screening/results/0/outcome").asString()).isEqualTo("CLEAR");
    }

    @Test
    void aFiftyPercentStakeReachesTheThresholdAndFortyNineDoesNot() {
        var fifty = ENGINE.determine(READER.read(request("2025-06-01", "Cubic Corporation", 50)));
        var fortyNine = ENGINE.determine(READER.read(request("2025-06-01", "Cubic Corporation", 49)));

        assertThat(finding(fifty, "restricted.owner").outcome()).isEqualTo(Outcome.NOT_PERMITTED);
        assertThat(finding(fortyNine, "restricted.owner").outcome()).isEqualTo(Outcome.REFER);
        assertThat(fortyNine.overall()).isEqualTo(Outcome.REFER);
    }

    @Test
    void aListingEndsMattersOnlyFromItsDate() {
        var before = ENGINE.determine(READER.read(request("2025-03-03", "Cubic Corporation", 60)));
        var on = ENGINE.determine(READER.read(request("2025-03-04", "Cubic Corporation", 60)));

        assertThat(before.overall()).isEqualTo(Outcome.PERMITTED);
        assertThat(on.overall()).isEqualTo(Outcome.NOT_PERMITTED);
    }

    @Test
    void aSuspendedListingIsStatedWithItsWindowAndDoesNotBar() {
        var d = ENGINE.determine(READER.read(request("2025-06-01", "BRINC Drones, Inc.", 60)));

        var suspended = finding(d, "restricted.suspended");
        assertThat(suspended.outcome()).isEqualTo(Outcome.PERMITTED);
        assertThat(suspended.message().en()).contains("suspended", "2025-05-14 to 2025-08-11");
        assertThat(d.findings()).noneMatch(f -> f.rule().equals("restricted.owner"));
    }

    @Test
    void aPossibleMatchIsReferredToAnOfficer() {
        // A lower possible-match threshold makes a near name a possible match without changing the lists.
        var loose = new RequestReader(ENGINE.pack(), new Screening(BuiltInLists.load(), new Thresholds(0.99, 0.5)));

        var d = ENGINE.determine(loose.read(request("2025-06-01", "Cubik Corporation", 60)));

        assertThat(finding(d, "restricted.possible").outcome()).isEqualTo(Outcome.REFER);
        assertThat(d.overall()).isEqualTo(Outcome.REFER);
        assertThat(d.findings()).noneMatch(f -> f.rule().equals("restricted.owner"));
    }

    @Test
    void withoutAScreeningTheDeterminationSaysNothingAboutRestrictedParties() {
        var unscreened = new RequestReader(ENGINE.pack());

        var d = ENGINE.determine(unscreened.read(request("2025-06-01", "Cubic Corporation", 60)));

        assertThat(d.findings()).noneMatch(f -> f.rule().startsWith("restricted."));
        assertThat(d.screening()).isNull();
    }

    @Nested
    class Attribution {

        private static Holding holding(String owner, String owned, double low, double high) {
            return new Holding(owner, owned, new Share(low, high), null);
        }

        @Test
        void anIntermediaryOwnedAtTheThresholdByListedPartiesIsAttributedWithItsWholeStake() {
            var holdings = List.of(
                    holding("listed", "hk", 0.6, 0.6),
                    holding("hk", "applicant", 0.55, 0.55),
                    holding("partner", "applicant", 0.45, 0.45));

            var a = RestrictedParties.Attribution.of(holdings, Set.of("listed"), 0.5, false);

            assertThat(a.attributed()).containsExactlyInAnyOrder("listed", "hk");
            assertThat(a.direct()).isZero();
            assertThat(a.aggregate()).isEqualTo(0.55);
        }

        @Test
        void twoListedMinoritiesAggregateIntoAnAttributedIntermediary() {
            var holdings = List.of(
                    holding("a", "mid", 0.3, 0.3),
                    holding("b", "mid", 0.25, 0.25),
                    holding("mid", "applicant", 0.7, 0.7));

            var both = RestrictedParties.Attribution.of(holdings, Set.of("a", "b"), 0.5, false);
            var one = RestrictedParties.Attribution.of(holdings, Set.of("a"), 0.5, false);

            assertThat(both.aggregate()).isEqualTo(0.7);
            assertThat(one.aggregate()).isZero();
        }

        @Test
        void aCycleSettlesAndBandsAreJudgedOnEitherBound() {
            var holdings = List.of(
                    holding("listed", "x", 0.4, 0.6),
                    holding("x", "y", 0.6, 0.6),
                    holding("y", "x", 0.3, 0.3),
                    holding("y", "applicant", 0.8, 0.8));

            var low = RestrictedParties.Attribution.of(holdings, Set.of("listed"), 0.5, false);
            var high = RestrictedParties.Attribution.of(holdings, Set.of("listed"), 0.5, true);

            assertThat(low.attributed()).containsExactly("listed");
            assertThat(high.attributed()).containsExactlyInAnyOrder("listed", "x", "y");
            assertThat(high.aggregate()).isEqualTo(0.8);
        }
    }
}
