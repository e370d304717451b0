package org.kaifang.calendar;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the holiday-cn JSON format: a good file, and a bad one with every problem listed. */
class HolidayCnJsonTests {

    static final String YEAR_2027 = """
            {
              "$schema": "https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json",
              "year": 2027,
              "papers": ["https://www.gov.cn/zhengce/zhengceku/202611/content_0000001.htm"],
              "days": [
                {"name": "元旦", "date": "2026-12-31", "isOffDay": true},
                {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
                {"name": "春节", "date": "2027-02-06", "isOffDay": true},
                {"name": "春节", "date": "2027-02-07", "isOffDay": true},
                {"name": "春节", "date": "2027-02-08", "isOffDay": true},
                {"name": "春节", "date": "2027-02-13", "isOffDay": false},
                {"name": "国庆节、中秋节", "date": "2027-10-01", "isOffDay": true}
              ]
            }
            """;

    @Test
    void readsAYearGroupingDaysByHoliday() {
        var year = HolidayCnJson.read("2027.json", YEAR_2027);

        assertThat(year.year()).isEqualTo(2027);
        assertThat(year.source()).isEqualTo("2027.json");
        assertThat(year.notices()).singleElement().satisfies(n -> {
            assertThat(n.url()).isEqualTo("https://www.gov.cn/zhengce/zhengceku/202611/content_0000001.htm");
            assertThat(n.title()).isNull();
            assertThat(n.uncertain()).containsExactly("number", "date", "url", "days");
        });
        assertThat(year.holidays())
                .containsExactly(
                        new Holiday(
                                new HolidayName("元旦", "New Year's Day"),
                                List.of(parse("2026-12-31"), parse("2027-01-01")),
                                List.of()),
                        new Holiday(
                                new HolidayName("春节", "Spring Festival"),
                                List.of(parse("2027-02-06"), parse("2027-02-07"), parse("2027-02-08")),
                                List.of(parse("2027-02-13"))),
                        new Holiday(
                                new HolidayName("国庆节、中秋节", "National Day and Mid-Autumn Festival"),
                                List.of(parse("2027-10-01")),
                                List.of()));
    }

    @Test
    void anImportedYearExtendsTheCalendarAndItsLateDecemberDateReachesBack() {
        var calendar = WorkingDayCalendar.of(List.of(
                CalendarTests.year(WorkingDayCalendar.builtIn(), 2026), HolidayCnJson.read("2027.json", YEAR_2027)));

        assertThat(calendar.coveredYears()).containsExactly(2026, 2027);
        assertThat(calendar.day(parse("2026-12-31")).kind()).isEqualTo(DayKind.HOLIDAY);
        assertThat(calendar.day(parse("2027-02-13")).kind()).isEqualTo(DayKind.ADJUSTED_WORKING_DAY);
        assertThat(calendar.due(parse("2026-12-30"), 1, ClockUnit.WORKING)).isEqualTo(parse("2027-01-04"));
    }

    @Test
    void listsEveryProblemWithItsLocation() {
        var bad = """
                {"year": "2027", "papers": ["not a url"],
                 "days": [
                   {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
                   {"name": "", "date": "2027-13-01", "isOffDay": "yes"},
                   {"name": "春节", "date": "2027-01-01", "isOffDay": true},
                   "2027-05-01",
                   {"name": "国庆节", "isOffDay": true}
                 ]}
                """;

        assertThatThrownBy(() -> HolidayCnJson.read("bad.json", bad))
                .isInstanceOfSatisfying(
                        InvalidCalendarFile.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidCalendarFile.Problem::location)
                                .containsExactly(
                                        "bad.json#/year",
                                        "bad.json#/papers/0",
                                        "bad.json#/days/1/name",
                                        "bad.json#/days/1/date",
                                        "bad.json#/days/1/isOffDay",
                                        "bad.json#/days/2/date",
                                        "bad.json#/days/3",
                                        "bad.json#/days/4/date"));
    }

    @Test
    void datesOutsideTheYearAreRefused() {
        var json = """
                {"year": 2027, "papers": [], "days": [
                  {"name": "元旦", "date": "2026-11-30", "isOffDay": true},
                  {"name": "元旦", "date": "2028-01-01", "isOffDay": true}]}
                """;
        assertThatThrownBy(() -> HolidayCnJson.read("x.json", json))
                .isInstanceOfSatisfying(
                        InvalidCalendarFile.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidCalendarFile.Problem::location)
                                .containsExactly("x.json#/days/0/date", "x.json#/days/1/date"));
    }

    @Test
    void malformedJsonGivesItsLineAndColumn() {
        assertThatThrownBy(() -> HolidayCnJson.read("broken.json", "{\"year\": 2027,\n \"days\": [\n"))
                .isInstanceOfSatisfying(
                        InvalidCalendarFile.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.location()).matches("broken\\.json:\\d+:\\d+");
                            assertThat(p.message()).startsWith("not valid JSON");
                        }));
        assertThatThrownBy(() -> HolidayCnJson.read("array.json", "[]"))
                .isInstanceOfSatisfying(
                        InvalidCalendarFile.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidCalendarFile.Problem::location)
                                .containsExactly("array.json#"));
    }

    @Test
    void anEmptyYearIsNotImported() {
        // holiday-cn publishes the next year's file empty until the notice comes out.
        assertThatThrownBy(() -> HolidayCnJson.read("2027.json", "{\"year\": 2027, \"papers\": [], \"days\": []}"))
                .isInstanceOfSatisfying(
                        InvalidCalendarFile.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .satisfies(p -> assertThat(p.message()).contains("is empty")));
    }
}
