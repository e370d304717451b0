package org.kaifang.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The project's own calendar against the independent holiday-cn copy in {@code ../shared/data/holiday-cn}, for every
 * year both cover: every day of the year must agree on whether it is a working day, and on whether it is a day off
 * or a make-up day. Skipped, with the reason, where that directory is absent.
 */
class CalendarCrossCheckTests {

    /** {@code ../shared/data/holiday-cn} from the project root; {@code -Dkaifang.holiday-cn=DIR} points elsewhere. */
    static final Path HOLIDAY_CN = Path.of(System.getProperty("kaifang.holiday-cn", "../shared/data/holiday-cn"));

    @Test
    void agreesWithHolidayCnOnEveryDayOfEveryYearBothCover() throws IOException {
        assumeTrue(
                Files.isDirectory(HOLIDAY_CN),
                () -> "skipped: no holiday-cn reference copy at "
                        + HOLIDAY_CN.toAbsolutePath().normalize());
        var ours = WorkingDayCalendar.builtIn();
        // holiday-cn files by the year of the notice, as ours: a New Year break that starts in December (2019, 2023)
        // is in the next year's file, so the years are read together and compared each on its own days.
        var theirYears = new ArrayList<CalendarYear>();
        var compared = new ArrayList<Integer>();
        var missing = new ArrayList<Integer>();
        for (int year : ours.coveredYears()) {
            var file = HOLIDAY_CN.resolve(year + ".json");
            if (Files.exists(file)) {
                theirYears.add(HolidayCnJson.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
                compared.add(year);
            } else {
                missing.add(year);
            }
        }
        System.out.println("Calendar cross-check against holiday-cn at "
                + HOLIDAY_CN.toAbsolutePath().normalize() + ": compared "
                + YearNotCovered.describe(compared) + " (" + compared.size() + " years, every day)"
                + (missing.isEmpty() ? "" : "; holiday-cn has no file for " + missing));
        assumeTrue(!compared.isEmpty(), "skipped: holiday-cn has none of the years " + ours.coveredYears());
        var theirs = WorkingDayCalendar.of(theirYears);
        var disagreements = new ArrayList<String>();
        for (int year : compared) {
            disagreements.addAll(disagreements(ours, theirs, year));
        }
        assertThat(disagreements)
                .as("days on which the built-in calendar and holiday-cn disagree, years " + compared)
                .isEmpty();
    }

    static List<String> disagreements(WorkingDayCalendar ours, WorkingDayCalendar theirs, int year) {
        var found = new ArrayList<String>();
        for (var d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            var a = ours.day(d);
            var b = theirs.day(d);
            if (a.workingDay() != b.workingDay() || a.kind() != b.kind() && !weekendInABreak(a, b)) {
                found.add(d + ": ours " + a.kind() + ", holiday-cn " + b.kind());
            }
        }
        return found;
    }

    @Test
    void theComparisonCatchesAMissingMakeUpDay() {
        // Negative control: 2025 without the make-up Sunday of Spring Festival must disagree on 26 January only.
        var builtIn = WorkingDayCalendar.builtIn();
        var year2025 = CalendarTests.year(builtIn, 2025);
        var altered = new ArrayList<Holiday>();
        for (var h : year2025.holidays()) {
            altered.add(
                    h.name().zh().equals("春节")
                            ? new Holiday(h.name(), h.daysOff(), List.of(LocalDate.of(2025, 2, 8)))
                            : h);
        }
        var wrong = WorkingDayCalendar.of(List.of(new CalendarYear(2025, year2025.notices(), altered, "altered")));

        assertThat(disagreements(wrong, builtIn, 2025))
                .containsExactly("2025-01-26: ours WEEKEND, holiday-cn ADJUSTED_WORKING_DAY");
    }

    /** holiday-cn may leave a weekend inside a break unlisted: a WEEKEND there and a HOLIDAY here agree. */
    private static boolean weekendInABreak(CalendarDay a, CalendarDay b) {
        var weekend = a.date().getDayOfWeek() == DayOfWeek.SATURDAY || a.date().getDayOfWeek() == DayOfWeek.SUNDAY;
        return weekend && !a.workingDay() && !b.workingDay();
    }

    @Test
    void everyHolidayCnFileFromTheCopyImportsCleanly() throws IOException {
        assumeTrue(
                Files.isDirectory(HOLIDAY_CN),
                () -> "skipped: no holiday-cn reference copy at "
                        + HOLIDAY_CN.toAbsolutePath().normalize());
        var years = new ArrayList<CalendarYear>();
        for (int year = 2007; year <= 2026; year++) {
            var file = HOLIDAY_CN.resolve(year + ".json");
            if (Files.exists(file)) {
                years.add(HolidayCnJson.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        assumeTrue(!years.isEmpty(), "skipped: no holiday-cn files for 2007–2026");
        var calendar = WorkingDayCalendar.of(years);
        // holiday-cn lists 2020-02-03 (a Monday, the end of the extended Spring Festival of 2020) as a working day.
        if (calendar.covers(2020)) {
            assertThat(calendar.day(LocalDate.of(2020, 2, 3)).kind()).isEqualTo(DayKind.WEEKDAY);
            assertThat(calendar.day(LocalDate.of(2020, 1, 31)).kind()).isEqualTo(DayKind.HOLIDAY);
        }
        // 2015's second notice: 3 September, the 70th anniversary of the victory.
        if (calendar.covers(2015)) {
            assertThat(calendar.day(LocalDate.of(2015, 9, 3)).kind()).isEqualTo(DayKind.HOLIDAY);
        }
    }
}
