package org.kaifang.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DivisionsTests {

    private final Divisions divisions = RulePackFixtures.bundledPack().divisions();

    private Division found(String code) {
        var lookup = divisions.lookup(code);
        assertThat(lookup).as("lookup of %s", code).isInstanceOf(Divisions.Lookup.Found.class);
        return ((Divisions.Lookup.Found) lookup).division();
    }

    private String refusal(String code) {
        var lookup = divisions.lookup(code);
        assertThat(lookup).as("lookup of %s", code).isInstanceOf(Divisions.Lookup.Unknown.class);
        return ((Divisions.Lookup.Unknown) lookup).reason();
    }

    @ParameterizedTest
    @CsvSource({
        "110108, Haidian District",
        "110119, Yanqing District",
        "310115, Pudong New Area",
        "310120, Fengxian District",
        "460105, Xiuying District",
        "460300, Sansha City",
        "469001, Wuzhishan City",
        "440300, Shenzhen City",
        "440305, Nanshan District"
    })
    void findsTheListedDistrictsOfTheDetailedAreas(String code, String name) {
        var division = found(code);

        assertThat(division.name().en()).isEqualTo(name);
        assertThat(division.listed()).isTrue();
        assertThat(division.mainland()).isTrue();
    }

    @Test
    void findsEveryProvinceLevelDivision() {
        assertThat(divisions.provinces()).hasSize(34);
        assertThat(found("110000").level()).isEqualTo(Division.Level.PROVINCE);
        assertThat(found("320000").name().zh()).isEqualTo("江苏省");
    }

    @Test
    void refusesADivisionCodeOfAnUnknownBeijingDistrict() {
        assertThat(refusal("110199")).contains("Beijing").contains("110199");
    }

    @Test
    void refusesTheStatisticalGroupCodeOfHainansProvinceAdministeredCounties() {
        assertThat(refusal("469000")).contains("Hainan");
    }

    @Test
    void refusesTheStatisticalCodeOfShanghaisDistricts() {
        assertThat(refusal("310100")).contains("Shanghai");
    }

    @Test
    void refusesAShenzhenCodeThatIsNotListed() {
        assertThat(refusal("440399")).contains("Guangdong");
    }

    @Test
    void acceptsAWellFormedCountyCodeOfAProvinceThePackDoesNotDetail() {
        var division = found("320506");

        assertThat(division.listed()).isFalse();
        assertThat(division.level()).isEqualTo(Division.Level.COUNTY);
        assertThat(division.provinceCode()).isEqualTo("320000");
        assertThat(division.mainland()).isTrue();
        assertThat(division.name().en()).contains("Jiangsu").contains("320506");
    }

    @Test
    void acceptsAWellFormedPrefectureCodeOfAProvinceThePackDoesNotDetail() {
        assertThat(found("320500").level()).isEqualTo(Division.Level.PREFECTURE);
    }

    @Test
    void acceptsGuangdongCodesOutsideShenzhen() {
        assertThat(found("440106").listed()).isFalse();
    }

    @Test
    void refusesACodeWithoutAProvince() {
        assertThat(refusal("990000")).contains("99");
    }

    @Test
    void refusesACountyCodeWithoutAPrefecturePart() {
        assertThat(refusal("320006")).contains("prefecture");
    }

    @ParameterizedTest
    @CsvSource({"abc", "31011", "3101150", "31011x", "'３１０１１５'"})
    void refusesAMalformedCode(String code) {
        assertThat(refusal(code)).contains("six-digit");
    }

    @Test
    void marksHongKongAsOutsideTheMainland() {
        assertThat(found("810000").mainland()).isFalse();
        assertThat(found("820000").mainland()).isFalse();
        assertThat(found("710000").mainland()).isFalse();
    }

    @Test
    void marksAnUnlistedCodeOfHongKongAsOutsideTheMainland() {
        assertThat(found("810101").mainland()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "310115, 310115, true",
        "310115, 310000, true",
        "310115, 310100, true",
        "440305, 440300, true",
        "440305, 440000, true",
        "440305, 440100, false",
        "310115, 310120, false",
        "310000, 310115, false",
        "440300, 440305, false",
        "320506, 310000, false",
        "110108, 110000, true",
        "120101, 110000, false"
    })
    void judgesWhetherOneDivisionLiesWithinAnotherByTheCodeHierarchy(String code, String ancestor, boolean within) {
        assertThat(Divisions.isWithin(code, ancestor)).isEqualTo(within);
    }

    @Test
    void givesTheProvinceOfADivision() {
        assertThat(found("440305").provinceCode()).isEqualTo("440000");
        assertThat(found("440305").isWithin("440300")).isTrue();
    }

    @Test
    void findsNothingForAnUnknownCode() {
        assertThat(divisions.find("110199")).isEmpty();
        assertThat(divisions.find("110108")).isPresent();
    }

    @Test
    void listsProvincesFirst() {
        var listed = divisions.listed();

        assertThat(listed.subList(0, divisions.provinces().size())).containsExactlyElementsOf(divisions.provinces());
    }
}
