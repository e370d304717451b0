package org.kaifang.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic of the figures. */
class AggregationsTests {

    static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    @Test
    void countsEachHolderOnceWhileAnyOfItsLicencesIsInForce() {
        var spans = List.of(
                new StatisticsStore.Span("uscc:A", d("2020-01-10"), null),
                new StatisticsStore.Span("uscc:A", d("2021-05-01"), null),
                new StatisticsStore.Span("uscc:B", d("2020-06-01"), d("2022-01-01")),
                new StatisticsStore.Span("name:C", d("2023-01-01"), null));

        assertThat(Aggregations.enterprises(spans, d("2019-12-31"))).isZero();
        assertThat(Aggregations.enterprises(spans, d("2020-01-10"))).isEqualTo(1);
        assertThat(Aggregations.enterprises(spans, d("2021-12-31"))).isEqualTo(2);
        // B ended on 2022-01-01: not in force at the end of that day.
        assertThat(Aggregations.enterprises(spans, d("2022-01-01"))).isEqualTo(1);
        assertThat(Aggregations.enterprises(spans, d("2023-06-30"))).isEqualTo(2);
    }

    @Test
    void growthIsInPerCentToOneDecimalAndNothingWithoutABase() {
        assertThat(Aggregations.growth(2_405, 1_850)).isEqualByComparingTo(new BigDecimal("30.0"));
        assertThat(Aggregations.growth(2_343, 2_220)).isEqualByComparingTo(new BigDecimal("5.5"));
        assertThat(Aggregations.growth(90, 100)).isEqualByComparingTo(new BigDecimal("-10.0"));
        assertThat(Aggregations.growth(5, 0)).isNull();
    }

    @Test
    void percentilesByNearestRank() {
        var days = List.of(40, 10, 30, 20, 50, 60, 70, 80, 90, 100);
        assertThat(Aggregations.percentile(days, 50)).isEqualTo(50);
        assertThat(Aggregations.percentile(days, 90)).isEqualTo(90);
        assertThat(Aggregations.percentile(List.of(7), 90)).isEqualTo(7);
        assertThat(Aggregations.percentile(List.of(3, 1), 50)).isEqualTo(1);
        assertThat(Aggregations.percentile(List.of(), 50)).isNull();
        assertThat(Aggregations.share(1, 3)).isEqualByComparingTo(new BigDecimal("33.3"));
        assertThat(Aggregations.share(1, 0)).isNull();
    }

    @Test
    void seriesPointsAreThePeriodEndsAndTheLastDay() {
        assertThat(Aggregations.points(d("2022-03-15"), d("2025-02-28"), Aggregations.Period.YEAR))
                .containsExactly(d("2022-12-31"), d("2023-12-31"), d("2024-12-31"), d("2025-02-28"));
        assertThat(Aggregations.points(d("2024-08-01"), d("2024-12-31"), Aggregations.Period.QUARTER))
                .containsExactly(d("2024-09-30"), d("2024-12-31"));
        assertThat(Aggregations.points(d("2024-12-31"), d("2024-12-31"), Aggregations.Period.YEAR))
                .containsExactly(d("2024-12-31"));
        assertThat(Aggregations.Period.QUARTER.label(d("2024-09-30"))).isEqualTo("2024-Q3");
        assertThat(Aggregations.Period.parse(" Quarter ")).isEqualTo(Aggregations.Period.QUARTER);
        assertThatThrownBy(() -> Aggregations.Period.parse("week"))
                .isInstanceOfSatisfying(
                        DateRange.Invalid.class, e -> assertThat(e.problems()).containsKey("period"));
    }

    @Test
    void aDateRangeNamesEveryBadParameter() {
        var today = d("2025-03-01");
        assertThat(DateRange.parse(null, "", today)).isEqualTo(new DateRange(null, today));
        assertThat(DateRange.parse("2024-01-01", "2024-12-31", today).from()).isEqualTo(d("2024-01-01"));
        assertThatThrownBy(() -> DateRange.parse("2024-13-01", "yesterday", today))
                .isInstanceOfSatisfying(
                        DateRange.Invalid.class, e -> assertThat(e.problems()).containsOnlyKeys("from", "to"));
        assertThatThrownBy(() -> DateRange.parse("2025-01-02", "2025-01-01", today))
                .isInstanceOfSatisfying(
                        DateRange.Invalid.class,
                        e -> assertThat(e.problems().get("from")).contains("after to"));
        assertThatThrownBy(() -> DateRange.parse("1066-10-14", null, today))
                .isInstanceOfSatisfying(
                        DateRange.Invalid.class,
                        e -> assertThat(e.problems().get("from")).contains("between"));
    }
}
