package org.kaifang.calendar;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The built-in working-day calendar: what days are, and when periods end (calendar contract). */
class CalendarTests {

    static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.builtIn();

    /** The years the project compiled itself (src/main/resources/calendar). */
    static final List<Integer> BUILT_IN_YEARS =
            IntStream.rangeClosed(2015, 2026).boxed().toList();

    /** One year of a calendar, by its number. */
    static CalendarYear year(WorkingDayCalendar calendar, int year) {
        return calendar.years().stream()
                .filter(y -> y.year() == year)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no year " + year));
    }

    @Test
    void coversTheYearsTheProjectCompiled() {
        assertThat(CALENDAR.coveredYears()).containsExactlyElementsOf(BUILT_IN_YEARS);
        assertThat(CALENDAR.years()).allSatisfy(y -> {
            assertThat(y.notices()).isNotEmpty();
            assertThat(y.notices()).allSatisfy(n -> assertThat(n.url()).startsWith("https://www.gov.cn/"));
            assertThat(y.notices().getFirst().title()).contains(y.year() + "年部分节假日安排");
        });
        // Every fact carries a confidence mark; what is not V is said.
        assertThat(year(CALENDAR, 2024).notices().getFirst().uncertain()).containsExactly("url");
        assertThat(year(CALENDAR, 2025).notices().getFirst().uncertain()).containsExactly("number");
        assertThat(year(CALENDAR, 2026).notices().getFirst()).satisfies(n -> {
            assertThat(n.number()).isEqualTo("国办发明电〔2025〕7号");
            assertThat(n.date()).isEqualTo(parse("2025-11-04"));
            assertThat(n.uncertain()).containsExactly("number");
        });
        // 2015–2023: every fact of every notice seen in two sources.
        for (int y = 2015; y <= 2023; y++) {
            assertThat(year(CALENDAR, y).notices())
                    .as("notices of %d", y)
                    .allSatisfy(n -> assertThat(n.uncertain()).isEmpty());
        }
    }

    @Test
    void yearsWithASecondNoticeCarryBoth() {
        assertThat(year(CALENDAR, 2015).notices())
                .extracting(Notice::number)
                .containsExactly("国办发明电〔2014〕28号", "国发明电〔2015〕1号");
        assertThat(year(CALENDAR, 2019).notices())
                .extracting(Notice::number)
                .containsExactly("国办发明电〔2018〕15号", "国办发明电〔2019〕3号");
        assertThat(year(CALENDAR, 2020).notices())
                .extracting(Notice::number)
                .containsExactly("国办发明电〔2019〕16号", "国办发明电〔2020〕1号");
    }

    @Test
    void victoryDay2015IsThreeDaysOffWithSundaySixSeptemberWorked() {
        for (var d = parse("2015-09-03"); !d.isAfter(parse("2015-09-05")); d = d.plusDays(1)) {
            assertThat(CALENDAR.day(d).kind()).as(d.toString()).isEqualTo(DayKind.HOLIDAY);
        }
        assertThat(CALENDAR.day(parse("2015-09-06")).kind()).isEqualTo(DayKind.ADJUSTED_WORKING_DAY);
        // Mid-Autumn 2015 was Sunday 27 September only; Saturday 26 September an ordinary weekend.
        assertThat(CALENDAR.day(parse("2015-09-26")).kind()).isEqualTo(DayKind.WEEKEND);
        assertThat(CALENDAR.day(parse("2015-10-10")).kind()).isEqualTo(DayKind.ADJUSTED_WORKING_DAY);
    }

    @Test
    void labourDay2019IsTheAmendedFourDays() {
        for (var d = parse("2019-05-01"); !d.isAfter(parse("2019-05-04")); d = d.plusDays(1)) {
            assertThat(CALENDAR.day(d).kind()).as(d.toString()).isEqualTo(DayKind.HOLIDAY);
        }
        assertThat(CALENDAR.day(parse("2019-04-28")).kind()).isEqualTo(DayKind.ADJUSTED_WORKING_DAY);
        assertThat(CALENDAR.day(parse("2019-05-05")).kind()).isEqualTo(DayKind.ADJUSTED_WORKING_DAY);
    }

    @Test
    void springFestival2020RunsToTheExtendedSecondOfFebruary() {
        for (var d = parse("2020-01-24"); !d.isAfter(parse("2020-02-02")); d = d.plusDays(1)) {
            assertThat(CALENDAR.day(d).kind()).as(d.toString()).isEqualTo(DayKind.HOLIDAY);
        }
        // Saturday 1 February was a make-up day before the extension; it is a day off now.
        assertThat(CALENDAR.day(parse("2020-01-19")).kind()).isEqualTo(DayKind.ADJUSTED_WORKING_DAY);
        assertThat(CALENDAR.day(parse("2020-02-03")).kind()).isEqualTo(DayKind.WEEKDAY);
        // National Day and Mid-Autumn together: 1–8 October.
        assertThat(CALENDAR.day(parse("2020-10-08")).name().zh()).isEqualTo("国庆节、中秋节");
        assertThat(CALENDAR.day(parse("2020-10-09")).kind()).isEqualTo(DayKind.WEEKDAY);
        assertThat(CALENDAR.day(parse("2020-10-10")).kind()).isEqualTo(DayKind.ADJUSTED_WORKING_DAY);
    }

    @Test
    void aNewYearBreakStartingInDecemberComesFromTheNextYearsNotice() {
        // The 2019 notice: 30 December 2018 to 1 January 2019 off, Saturday 29 December 2018 worked.
        assertThat(CALENDAR.day(parse("2018-12-29")).kind()).isEqualTo(DayKind.ADJUSTED_WORKING_DAY);
        assertThat(CALENDAR.day(parse("2018-12-31")).kind()).isEqualTo(DayKind.HOLIDAY);
        assertThat(CALENDAR.due(parse("2018-12-28"), 2, ClockUnit.WORKING)).isEqualTo(parse("2019-01-02"));
    }

    @Test
    void theContractsDayExampleIsAnAdjustedWorkingSunday() {
        var day = CALENDAR.day(parse("2025-01-26"));

        assertThat(day.kind()).isEqualTo(DayKind.ADJUSTED_WORKING_DAY);
        assertThat(day.workingDay()).isTrue();
        assertThat(day.name()).isEqualTo(new HolidayName("春节", "Spring Festival"));
    }

    @Test
    void theContractsDueExampleCrossesSpringFestival2025() {
        assertThat(CALENDAR.due(parse("2025-01-24"), 5, ClockUnit.WORKING)).isEqualTo(parse("2025-02-07"));
    }

    @Test
    void springFestival2025IsEightDaysOffWeekendIncluded() {
        for (var d = parse("2025-01-28"); !d.isAfter(parse("2025-02-04")); d = d.plusDays(1)) {
            assertThat(CALENDAR.day(d).kind()).as(d.toString()).isEqualTo(DayKind.HOLIDAY);
            assertThat(CALENDAR.day(d).name().en()).isEqualTo("Spring Festival");
        }
        assertThat(CALENDAR.day(parse("2025-01-27")).kind()).isEqualTo(DayKind.WEEKDAY);
        assertThat(CALENDAR.day(parse("2025-02-05")).kind()).isEqualTo(DayKind.WEEKDAY);
    }

    @Test
    void adjustedWorkingSaturdaysAndSundaysAreWorkingDays() {
        assertThat(CALENDAR.day(parse("2025-02-08")))
                .isEqualTo(new CalendarDay(
                        parse("2025-02-08"), DayKind.ADJUSTED_WORKING_DAY, new HolidayName("春节", "Spring Festival")));
        assertThat(CALENDAR.day(parse("2024-05-11")).kind()).isEqualTo(DayKind.ADJUSTED_WORKING_DAY);
        assertThat(CALENDAR.day(parse("2024-05-11")).name().zh()).isEqualTo("劳动节");
        assertThat(CALENDAR.day(parse("2025-04-27")).kind()).isEqualTo(DayKind.ADJUSTED_WORKING_DAY);
        assertThat(CALENDAR.day(parse("2026-02-28")).kind()).isEqualTo(DayKind.ADJUSTED_WORKING_DAY);
        assertThat(CALENDAR.day(parse("2026-10-10")).name().en()).isEqualTo("National Day");
        // A Saturday next to one: an ordinary weekend.
        assertThat(CALENDAR.day(parse("2025-01-25")))
                .isEqualTo(new CalendarDay(parse("2025-01-25"), DayKind.WEEKEND, null));
    }

    @Test
    void springFestivalEve2024WasAnOrdinaryWorkingFriday() {
        assertThat(CALENDAR.day(parse("2024-02-09")).kind()).isEqualTo(DayKind.WEEKDAY);
        assertThat(CALENDAR.day(parse("2024-02-04")).kind()).isEqualTo(DayKind.ADJUSTED_WORKING_DAY);
        assertThat(CALENDAR.day(parse("2024-02-18")).kind()).isEqualTo(DayKind.ADJUSTED_WORKING_DAY);
    }

    @Test
    void nationalDay2024() {
        // Sunday 29 September worked, 1–7 October off.
        assertThat(CALENDAR.due(parse("2024-09-27"), 3, ClockUnit.WORKING)).isEqualTo(parse("2024-10-08"));
        // The fifth working day after 30 September is Saturday 12 October, a make-up day.
        assertThat(CALENDAR.due(parse("2024-09-30"), 5, ClockUnit.WORKING)).isEqualTo(parse("2024-10-12"));
    }

    @Test
    void nationalDayAndMidAutumn2025() {
        assertThat(CALENDAR.day(parse("2025-10-06")).name())
                .isEqualTo(new HolidayName("国庆节、中秋节", "National Day and Mid-Autumn Festival"));
        assertThat(CALENDAR.due(parse("2025-09-26"), 2, ClockUnit.WORKING)).isEqualTo(parse("2025-09-29"));
        assertThat(CALENDAR.due(parse("2025-09-30"), 1, ClockUnit.WORKING)).isEqualTo(parse("2025-10-09"));
        assertThat(CALENDAR.due(parse("2025-09-30"), 3, ClockUnit.WORKING)).isEqualTo(parse("2025-10-11"));
    }

    @Test
    void calendarDaysEndingOnAHolidayMoveToTheNextWorkingDay() {
        // Ten days after 25 September is 5 October, inside the break: the period ends on 9 October.
        assertThat(CALENDAR.due(parse("2025-09-25"), 10, ClockUnit.CALENDAR)).isEqualTo(parse("2025-10-09"));
        // Ending on an ordinary weekday stays there.
        assertThat(CALENDAR.due(parse("2025-03-03"), 10, ClockUnit.CALENDAR)).isEqualTo(parse("2025-03-13"));
        // Ending on a Sunday moves to Monday.
        assertThat(CALENDAR.due(parse("2025-03-06"), 10, ClockUnit.CALENDAR)).isEqualTo(parse("2025-03-17"));
    }

    @Test
    void periodsRunAcrossTheChangeOfYear() {
        // 30, 31 December count; 1–3 January 2026 off; Sunday 4 January worked.
        assertThat(CALENDAR.due(parse("2025-12-29"), 5, ClockUnit.WORKING)).isEqualTo(parse("2026-01-06"));
        assertThat(CALENDAR.due(parse("2025-12-29"), 3, ClockUnit.WORKING)).isEqualTo(parse("2026-01-04"));
        assertThat(CALENDAR.due(parse("2025-12-22"), 10, ClockUnit.CALENDAR)).isEqualTo(parse("2026-01-04"));
        assertThat(CALENDAR.due(parse("2025-12-26"), 10, ClockUnit.CALENDAR)).isEqualTo(parse("2026-01-05"));
    }

    @Test
    void aYearWithoutANoticeIsAnErrorNamingTheCoveredYears() {
        assertThatThrownBy(() -> CALENDAR.day(parse("2014-06-01")))
                .isInstanceOfSatisfying(YearNotCovered.class, e -> {
                    assertThat(e.year()).isEqualTo(2014);
                    assertThat(e.coveredYears()).containsExactlyElementsOf(BUILT_IN_YEARS);
                })
                .hasMessageContaining("does not cover 2014; it covers 2015–2026");
        assertThatThrownBy(() -> CALENDAR.due(parse("2026-12-20"), 30, ClockUnit.WORKING))
                .isInstanceOfSatisfying(
                        YearNotCovered.class, e -> assertThat(e.year()).isEqualTo(2027));
        assertThatThrownBy(() -> CALENDAR.due(parse("2014-12-29"), 5, ClockUnit.WORKING))
                .isInstanceOfSatisfying(
                        YearNotCovered.class, e -> assertThat(e.year()).isEqualTo(2014));
        assertThatThrownBy(() -> CALENDAR.due(parse("2026-12-01"), 40, ClockUnit.CALENDAR))
                .isInstanceOf(YearNotCovered.class);
    }

    @Test
    void describesYearsAsRuns() {
        assertThat(YearNotCovered.describe(java.util.List.of(2024, 2025, 2026, 2028)))
                .isEqualTo("2024–2026, 2028");
        assertThat(YearNotCovered.describe(java.util.List.of())).isEqualTo("no year");
    }

    @Test
    void aPeriodHasAtLeastOneDay() {
        assertThatThrownBy(() -> CALENDAR.due(LocalDate.of(2025, 3, 3), 0, ClockUnit.WORKING))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void weekdaysOffLessMakeUpDaysAreTheStatutoryDays() {
        // A sanity check of the compiled data: weekdays off less make-up weekends is the number of statutory days,
        // 11 until 2024 and 13 from 2025 (the 2024 revision added Spring Festival Eve and 2 May); make-up days are
        // weekends.
        for (var year : CALENDAR.years()) {
            for (var holiday : year.holidays()) {
                assertThat(holiday.adjustedWorkingDays())
                        .allSatisfy(d -> assertThat(d.getDayOfWeek().getValue()).isGreaterThan(5));
            }
        }
        assertThat(weekdaysOff(2024) - workedWeekends(2024)).isEqualTo(11);
        assertThat(weekdaysOff(2025) - workedWeekends(2025)).isEqualTo(13);
        assertThat(weekdaysOff(2026) - workedWeekends(2026)).isEqualTo(13);
    }

    private static long weekdaysOff(int year) {
        return CALENDAR.years().stream()
                .filter(y -> y.year() == year)
                .flatMap(y -> y.holidays().stream())
                .flatMap(h -> h.daysOff().stream())
                .filter(d -> d.getDayOfWeek().getValue() <= 5)
                .count();
    }

    private static long workedWeekends(int year) {
        return CALENDAR.years().stream()
                .filter(y -> y.year() == year)
                .flatMap(y -> y.holidays().stream())
                .mapToLong(h -> h.adjustedWorkingDays().size())
                .sum();
    }
}
