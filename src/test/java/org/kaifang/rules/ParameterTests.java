package org.kaifang.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParameterTests {

    private static final Citation CITATION = new Citation("X", "Some order", "art. 1", null);
    private static final Bilingual DESCRIPTION = new Bilingual("上限", "A cap");

    private static DatedValue value(String from, String to, String value) {
        return new DatedValue(
                LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to),
                new BigDecimal(value),
                CITATION,
                Confidence.V,
                null);
    }

    /** Two periods with a gap between them, the second closed. */
    private final Parameter cap = new Parameter(
            "test.cap",
            DESCRIPTION,
            "percent",
            List.of(value("2020-01-01", "2020-12-31", "50"), value("2021-02-01", "2021-12-31", "49")));

    @ParameterizedTest
    @CsvSource({"2020-01-01, 50", "2020-06-15, 50", "2020-12-31, 50", "2021-02-01, 49", "2021-12-31, 49"})
    void givesTheValueInForceOnADateWithBothEndsOfAPeriodIncluded(LocalDate date, BigDecimal expected) {
        assertThat(cap.at(date)).hasValueSatisfying(v -> assertThat(v.decimal()).isEqualByComparingTo(expected));
    }

    @ParameterizedTest
    @CsvSource({"2019-12-31", "2021-01-01", "2021-01-31", "2022-01-01"})
    void hasNoValueOutsideEveryPeriod(LocalDate date) {
        assertThat(cap.at(date)).isEmpty();
        assertThatIllegalStateException().isThrownBy(() -> cap.require(date)).withMessageContaining("test.cap");
    }

    @Test
    void keepsAnOpenEndedValueInForceIndefinitely() {
        var open = new Parameter("test.open", DESCRIPTION, null, List.of(value("2020-01-01", null, "10")));

        assertThat(open.require(LocalDate.of(2999, 12, 31)).decimal()).isEqualByComparingTo("10");
    }

    @Test
    void switchesTheNationalCapsCitationOnTheDayEachNegativeListTookEffect() {
        var vasCap = RulePackFixtures.bundledPack().parameter("equity.vas-cap");

        assertThat(vasCap.require(LocalDate.of(2021, 12, 31)).citation().instrument())
                .isEqualTo("NL-2020");
        assertThat(vasCap.require(LocalDate.of(2022, 1, 1)).citation().instrument())
                .isEqualTo("NL-2021");
        assertThat(vasCap.require(LocalDate.of(2024, 10, 31)).citation().instrument())
                .isEqualTo("NL-2021");
        assertThat(vasCap.require(LocalDate.of(2024, 11, 1)).citation().instrument())
                .isEqualTo("NL-2024");
        assertThat(vasCap.at(LocalDate.of(2020, 7, 22))).isEmpty();
    }

    @Test
    void startsThePilotServicesOnTheLaunchDay() {
        var pilot = RulePackFixtures.bundledPack().parameter("pilot.services");

        assertThat(pilot.at(LocalDate.of(2024, 10, 22))).isEmpty();
        assertThat(pilot.require(LocalDate.of(2024, 10, 23)).strings())
                .contains("B11", "B21", "B25/PUBLISHING_PLATFORM");
    }

    @Test
    void readsTypedValuesAndRefusesTheWrongType() {
        var pack = RulePackFixtures.bundledPack();
        var day = LocalDate.of(2025, 3, 1);

        assertThat(pack.parameter("authority.basic").require(day).text()).isEqualTo("MIIT");
        assertThat(pack.parameter("licence.validity-years").require(day).decimal())
                .isEqualByComparingTo("5");
        assertThat(pack.parameter("time-limit.decision").require(day).map()).containsEntry("unit", "WORKING");
        assertThatIllegalStateException()
                .isThrownBy(() -> pack.parameter("pilot.services").require(day).decimal());
    }

    @Test
    void carriesTheNoteOfAnUncertainValue() {
        var value = RulePackFixtures.bundledPack()
                .parameter("equity.wto-uncommitted")
                .require(LocalDate.of(2025, 3, 1));

        assertThat(value.confidence()).isEqualTo(Confidence.I);
        assertThat(value.note()).isNotNull();
    }
}
