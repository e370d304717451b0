package org.kaifang.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AreaTests {

    private static final List<String> LINGANG = List.of("CN-SH-LINGANG", "CN-FTZ");

    private final RulePack pack = RulePackFixtures.bundledPack();

    private Area area(String id) {
        return pack.area(id).orElseThrow();
    }

    @Test
    void placesPudongInsideTheShanghaiPilot() {
        assertThat(area("CN-PILOT-SH").membership("310115", List.of())).isEqualTo(Membership.INSIDE);
    }

    @Test
    void placesFengxianOnlyPartlyInsideTheShanghaiPilot() {
        assertThat(area("CN-PILOT-SH").membership("310120", List.of())).isEqualTo(Membership.PARTLY);
    }

    @Test
    void placesASeatInFengxianDeclaredInLingangInsideTheShanghaiPilot() {
        assertThat(area("CN-PILOT-SH").membership("310120", LINGANG)).isEqualTo(Membership.INSIDE);
    }

    @Test
    void placesShanghaiAsAWholeOnlyPartlyInsideTheShanghaiPilot() {
        assertThat(area("CN-PILOT-SH").membership("310000", List.of())).isEqualTo(Membership.PARTLY);
    }

    @Test
    void placesMinhangOnlyPartlyAndXuhuiOutsideTheShanghaiPilot() {
        assertThat(area("CN-PILOT-SH").membership("310112", List.of())).isEqualTo(Membership.PARTLY);
        assertThat(area("CN-PILOT-SH").membership("310104", List.of())).isEqualTo(Membership.OUTSIDE);
    }

    @Test
    void placesHaidianInsideTheBeijingPilot() {
        assertThat(area("CN-PILOT-BJ").membership("110108", List.of())).isEqualTo(Membership.INSIDE);
        assertThat(area("CN-PILOT-BJ").membership("110000", List.of())).isEqualTo(Membership.INSIDE);
    }

    @Test
    void placesTianjinOutsideEveryPilot() {
        for (var id : List.of("CN-PILOT-BJ", "CN-PILOT-SH", "CN-PILOT-HI", "CN-PILOT-SZ")) {
            assertThat(area(id).membership("120000", List.of())).as(id).isEqualTo(Membership.OUTSIDE);
            assertThat(area(id).membership("120101", List.of())).as(id).isEqualTo(Membership.OUTSIDE);
        }
    }

    @Test
    void placesShenzhenDistrictsInsideAndGuangdongPartlyInsideTheShenzhenPilot() {
        assertThat(area("CN-PILOT-SZ").membership("440305", List.of())).isEqualTo(Membership.INSIDE);
        assertThat(area("CN-PILOT-SZ").membership("440000", List.of())).isEqualTo(Membership.PARTLY);
        assertThat(area("CN-PILOT-SZ").membership("440106", List.of())).isEqualTo(Membership.OUTSIDE);
    }

    @Test
    void placesTheWholeIslandButNotSanshaInsideTheHainanFreeTradePort() {
        assertThat(area("CN-HAINAN-FTP").membership("469030", List.of())).isEqualTo(Membership.INSIDE);
        assertThat(area("CN-HAINAN-FTP").membership("460106", List.of())).isEqualTo(Membership.INSIDE);
        assertThat(area("CN-HAINAN-FTP").membership("460300", List.of())).isEqualTo(Membership.OUTSIDE);
        assertThat(area("CN-HAINAN-FTP").membership("460000", List.of())).isEqualTo(Membership.PARTLY);
    }

    @Test
    void placesAFreeTradeZoneOnlyWhereTheApplicantDeclaresIt() {
        assertThat(area("CN-FTZ").membership("120000", List.of("CN-FTZ"))).isEqualTo(Membership.INSIDE);
        assertThat(area("CN-FTZ").membership("120000", List.of())).isEqualTo(Membership.OUTSIDE);
    }

    @Test
    void putsThePilotAreasInForceFromTheLaunchDay() {
        var shanghai = area("CN-PILOT-SH");

        assertThat(shanghai.announced()).isEqualTo(LocalDate.of(2024, 4, 8));
        assertThat(shanghai.inForceOn(LocalDate.of(2024, 10, 22))).isFalse();
        assertThat(shanghai.inForceOn(LocalDate.of(2024, 10, 23))).isTrue();
        assertThat(shanghai.inForceOn(LocalDate.of(2030, 1, 1))).isTrue();
    }

    @Test
    void recordsHowSureThePackIsOfEachPilotsExtent() {
        assertThat(area("CN-PILOT-SH").extentConfidence()).isEqualTo(Confidence.V);
        assertThat(area("CN-PILOT-BJ").extentConfidence()).isEqualTo(Confidence.S);
        assertThat(area("CN-PILOT-SZ").extentConfidence()).isEqualTo(Confidence.I);
        assertThat(area("CN-PILOT-SZ").extentConfidence().decides()).isFalse();
    }

    @Test
    void letsLingangBeDeclaredOnlyWhereItCouldLie() {
        var lingang = pack.zone("CN-SH-LINGANG").orElseThrow();

        assertThat(lingang.implies()).containsExactly("CN-FTZ");
        assertThat(lingang.couldContain("310120")).isTrue();
        assertThat(lingang.couldContain("310000")).isTrue();
        assertThat(lingang.couldContain("310104")).isFalse();
        assertThat(lingang.couldContain("120000")).isFalse();
        assertThat(pack.zone("CN-FTZ").orElseThrow().couldContain("120000")).isTrue();
    }
}
