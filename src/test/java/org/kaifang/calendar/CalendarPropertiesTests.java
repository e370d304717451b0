package org.kaifang.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of due dates and clocks over generated starts and periods inside the covered years. */
class CalendarPropertiesTests {

    static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.builtIn();

    @Provide
    Arbitrary<LocalDate> starts() {
        // Late enough in 2026 that 120 working days could run out of the covered years is left out.
        return Arbitraries.longs()
                .between(
                        LocalDate.of(2024, 1, 1).toEpochDay(),
                        LocalDate.of(2026, 5, 31).toEpochDay())
                .map(LocalDate::ofEpochDay);
    }

    @Property(tries = 500)
    void theDueDateIsAWorkingDayAfterTheStart(
            @ForAll("starts") LocalDate start, @ForAll @IntRange(min = 1, max = 120) int days, @ForAll ClockUnit unit) {
        var due = CALENDAR.due(start, days, unit);

        assertThat(CALENDAR.isWorkingDay(due)).isTrue();
        assertThat(due).isAfter(start);
    }

    @Property(tries = 500)
    void workingDaysCountExactlyTheWorkingDaysUpToTheDueDate(
            @ForAll("starts") LocalDate start, @ForAll @IntRange(min = 1, max = 120) int days) {
        var due = CALENDAR.due(start, days, ClockUnit.WORKING);

        // Counted naively, one LocalDate at a time.
        int working = 0;
        for (var d = start.plusDays(1); !d.isAfter(due); d = d.plusDays(1)) {
            if (CALENDAR.day(d).workingDay()) {
                working++;
            }
        }
        assertThat(working).isEqualTo(days);
    }

    @Property(tries = 500)
    void calendarDaysOnlyMoveOverDaysOff(
            @ForAll("starts") LocalDate start, @ForAll @IntRange(min = 1, max = 120) int days) {
        var due = CALENDAR.due(start, days, ClockUnit.CALENDAR);

        assertThat(due).isAfterOrEqualTo(start.plusDays(days));
        for (var d = start.plusDays(days); d.isBefore(due); d = d.plusDays(1)) {
            assertThat(CALENDAR.isWorkingDay(d)).isFalse();
        }
    }

    @Property(tries = 500)
    void moreDaysNeverEndEarlier(
            @ForAll("starts") LocalDate start, @ForAll @IntRange(min = 1, max = 119) int days, @ForAll ClockUnit unit) {
        assertThat(CALENDAR.due(start, days + 1, unit)).isAfterOrEqualTo(CALENDAR.due(start, days, unit));
    }

    @Property(tries = 300)
    void aPauseMovesTheDueDateByNoMoreThanItsLength(
            @ForAll("starts") LocalDate start,
            @ForAll @IntRange(min = 1, max = 60) int days,
            @ForAll ClockUnit unit,
            @ForAll @IntRange(min = 0, max = 40) int pauseAfter,
            @ForAll @IntRange(min = 0, max = 30) int pauseLength) {
        var clock = StatutoryClock.start(start, new TimeLimit(days, unit));
        var pausedOn = start.plusDays(pauseAfter);
        var resumed = clock.pause(pausedOn, "correction").resume(pausedOn.plusDays(pauseLength));

        var before = clock.due(CALENDAR).orElseThrow();
        var after = resumed.due(CALENDAR).orElseThrow();
        assertThat(after).isAfterOrEqualTo(before);
        // A pause of n days leaves out at most n counting days, so the end moves by at most n of them.
        if (pauseLength == 0) {
            assertThat(after).isEqualTo(before);
        } else {
            assertThat(after).isBeforeOrEqualTo(CALENDAR.due(before, pauseLength, unit));
        }
    }

    @Property(tries = 300)
    void daysLeftFallByAtMostOneADay(
            @ForAll("starts") LocalDate start, @ForAll @IntRange(min = 1, max = 60) int days, @ForAll ClockUnit unit) {
        var clock = StatutoryClock.start(start, new TimeLimit(days, unit));
        var due = clock.due(CALENDAR).orElseThrow();
        int previous = clock.daysLeft(start, CALENDAR);
        for (var d = start.plusDays(1); !d.isAfter(due); d = d.plusDays(1)) {
            int left = clock.daysLeft(d, CALENDAR);
            assertThat(previous - left).isBetween(0, 1);
            previous = left;
        }
        assertThat(previous).isZero();
    }
}
