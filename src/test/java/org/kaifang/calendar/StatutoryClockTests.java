package org.kaifang.calendar;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Statutory clocks: counting, pauses for correction, extensions, overdue and stopped clocks. */
class StatutoryClockTests {

    static final WorkingDayCalendar CALENDAR = CalendarTests.CALENDAR;

    static StatutoryClock acceptance(String receivedOn) {
        return StatutoryClock.start(parse(receivedOn), new TimeLimit(5, ClockUnit.WORKING));
    }

    @Test
    void countsWorkingDaysAcrossSpringFestival() {
        var clock = acceptance("2025-01-24");

        assertThat(clock.due(CALENDAR)).contains(parse("2025-02-07"));
        // Sunday 26 and Monday 27 January counted; 5, 6, 7 February left.
        assertThat(clock.stateOn(parse("2025-01-27"), CALENDAR))
                .isEqualTo(new ClockState.Running(parse("2025-02-07"), 3));
        assertThat(clock.stateOn(parse("2025-02-01"), CALENDAR))
                .isEqualTo(new ClockState.Running(parse("2025-02-07"), 3));
        assertThat(clock.daysLeft(parse("2025-02-07"), CALENDAR)).isZero();
        assertThat(clock.stateOn(parse("2025-02-07"), CALENDAR).status()).isEqualTo(ClockStatus.RUNNING);
    }

    @Test
    void aPauseSpanningSpringFestivalLeavesOutThePausedDays() {
        var clock = StatutoryClock.start(parse("2025-01-20"), new TimeLimit(10, ClockUnit.WORKING));
        assertThat(clock.due(CALENDAR)).contains(parse("2025-02-08"));

        var paused = clock.pause(parse("2025-01-23"), "correction requested: shareholder documents");
        assertThat(paused.paused()).isTrue();
        assertThat(paused.due(CALENDAR)).isEmpty();
        // 21, 22 and 23 January counted (the day of the request still counts): 7 left.
        assertThat(paused.stateOn(parse("2025-01-30"), CALENDAR))
                .isEqualTo(
                        new ClockState.Paused(parse("2025-01-23"), "correction requested: shareholder documents", 7));

        var resumed = paused.resume(parse("2025-02-06"));
        // Counting resumes on 7 February: 7, Saturday 8 (a make-up day), 10–14 February.
        assertThat(resumed.due(CALENDAR)).contains(parse("2025-02-14"));
        assertThat(resumed.pauses())
                .containsExactly(new Pause(
                        parse("2025-01-23"), parse("2025-02-06"), "correction requested: shareholder documents"));
        assertThat(resumed.stateOn(parse("2025-02-10"), CALENDAR))
                .isEqualTo(new ClockState.Running(parse("2025-02-14"), 4));
        // As it stood during the pause.
        assertThat(resumed.stateOn(parse("2025-02-01"), CALENDAR).status()).isEqualTo(ClockStatus.PAUSED);
    }

    @Test
    void aCalendarDayClockPausedOverTheHoliday() {
        var clock = StatutoryClock.start(parse("2025-01-20"), new TimeLimit(20, ClockUnit.CALENDAR));
        // 9 February is a Sunday: the period ends on Monday 10 February.
        assertThat(clock.due(CALENDAR)).contains(parse("2025-02-10"));

        var resumed = clock.pause(parse("2025-01-27"), "correction").resume(parse("2025-02-05"));
        // 21–27 January count (7); 28 January – 5 February paused; 13 more from 6 February.
        assertThat(resumed.due(CALENDAR)).contains(parse("2025-02-18"));
    }

    @Test
    void pausesMoreThanOnce() {
        var clock = acceptance("2025-03-03")
                .pause(parse("2025-03-04"), "first correction")
                .resume(parse("2025-03-10"))
                .pause(parse("2025-03-11"), "second correction")
                .resume(parse("2025-03-17"));
        // 4 March (1), 11 March (2), then 18, 19, 20 March.
        assertThat(clock.due(CALENDAR)).contains(parse("2025-03-20"));
    }

    @Test
    void pausingAndResumingOnTheSameDayChangesNothing() {
        var clock = acceptance("2025-01-24").pause(parse("2025-01-27"), "sent by mistake");
        assertThat(clock.resume(parse("2025-01-27")).due(CALENDAR)).contains(parse("2025-02-07"));
    }

    @Test
    void anExtensionAddsDaysAndRecordsItsReasonAndApprover() {
        var clock = StatutoryClock.start(parse("2025-09-01"), new TimeLimit(5, ClockUnit.WORKING));
        assertThat(clock.due(CALENDAR)).contains(parse("2025-09-08"));

        var extended = clock.extend(5, "expert review required", "Director Li", parse("2025-09-03"));

        assertThat(extended.due(CALENDAR)).contains(parse("2025-09-15"));
        assertThat(extended.days()).isEqualTo(10);
        assertThat(extended.extensions())
                .containsExactly(new Extension(5, "expert review required", "Director Li", parse("2025-09-03")));
        // Before the extension was granted the clock ran to 8 September.
        assertThat(extended.stateOn(parse("2025-09-02"), CALENDAR))
                .isEqualTo(new ClockState.Running(parse("2025-09-08"), 4));
        assertThat(clock.extensions()).isEmpty();
    }

    @Test
    void anExtensionNeedsDaysAReasonAndAnApprover() {
        var clock = acceptance("2025-09-01");
        assertThatThrownBy(() -> clock.extend(0, "r", "a", parse("2025-09-02")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.extend(3, " ", "a", parse("2025-09-02")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.extend(3, "r", "", parse("2025-09-02")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClockPastItsDueDateIsOverdue() {
        var clock = StatutoryClock.start(parse("2025-09-01"), new TimeLimit(5, ClockUnit.WORKING));

        assertThat(clock.stateOn(parse("2025-09-08"), CALENDAR))
                .isEqualTo(new ClockState.Running(parse("2025-09-08"), 0));
        assertThat(clock.stateOn(parse("2025-09-10"), CALENDAR))
                .isEqualTo(new ClockState.Overdue(parse("2025-09-08"), 2));
        assertThat(clock.daysLeft(parse("2025-09-10"), CALENDAR)).isZero();
    }

    @Test
    void aStoppedClockSaysWhetherItWasInTime() {
        var clock = acceptance("2025-09-01");

        assertThat(clock.stop(parse("2025-09-05"), "accepted").stateOn(parse("2025-09-20"), CALENDAR))
                .isEqualTo(new ClockState.Stopped(parse("2025-09-05"), "accepted", parse("2025-09-08"), true));
        assertThat(clock.stop(parse("2025-09-09"), "accepted").stateOn(parse("2025-09-20"), CALENDAR))
                .isEqualTo(new ClockState.Stopped(parse("2025-09-09"), "accepted", parse("2025-09-08"), false));
        // Before it was stopped, it was running.
        assertThat(clock.stop(parse("2025-09-05"), "accepted")
                        .stateOn(parse("2025-09-03"), CALENDAR)
                        .status())
                .isEqualTo(ClockStatus.RUNNING);
        var whilePaused = clock.pause(parse("2025-09-02"), "correction").stop(parse("2025-09-30"), "withdrawn");
        assertThat(whilePaused.stateOn(parse("2025-09-30"), CALENDAR))
                .isEqualTo(new ClockState.Stopped(parse("2025-09-30"), "withdrawn", null, true));
    }

    @Test
    void refusesTransitionsItsStateDoesNotAllow() {
        var clock = acceptance("2025-09-01");
        var paused = clock.pause(parse("2025-09-02"), "correction");
        var stopped = clock.stop(parse("2025-09-03"), "accepted");

        assertThatThrownBy(() -> clock.resume(parse("2025-09-02")))
                .isInstanceOf(InvalidClockTransition.class)
                .hasMessage("Cannot resume: the clock is not paused");
        assertThatThrownBy(() -> paused.pause(parse("2025-09-03"), "again"))
                .isInstanceOf(InvalidClockTransition.class)
                .hasMessageContaining("already paused since 2025-09-02");
        assertThatThrownBy(() -> stopped.pause(parse("2025-09-04"), "late"))
                .isInstanceOf(InvalidClockTransition.class)
                .hasMessageContaining("stopped on 2025-09-03");
        assertThatThrownBy(() -> stopped.extend(2, "r", "a", parse("2025-09-04")))
                .isInstanceOf(InvalidClockTransition.class);
        assertThatThrownBy(() -> stopped.stop(parse("2025-09-04"), "again")).isInstanceOf(InvalidClockTransition.class);
        assertThatThrownBy(() -> paused.resume(parse("2025-09-01")))
                .isInstanceOf(InvalidClockTransition.class)
                .hasMessageContaining("before the clock's last event on 2025-09-02");
        assertThatThrownBy(() -> clock.stateOn(parse("2025-08-31"), CALENDAR))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClockThatRunsIntoAnUncoveredYearSaysSo() {
        var clock = StatutoryClock.start(parse("2026-11-02"), new TimeLimit(60, ClockUnit.WORKING));
        assertThatThrownBy(() -> clock.due(CALENDAR))
                .isInstanceOfSatisfying(
                        YearNotCovered.class, e -> assertThat(e.year()).isEqualTo(2027));
    }

    @Test
    void aSixtyWorkingDayDecisionAcrossNationalDay2025() {
        var clock = StatutoryClock.start(parse("2025-09-15"), new TimeLimit(60, ClockUnit.WORKING));
        // September: 16–30 gives 11 weekdays + Sunday 28 = 12; October: 9, 10, Saturday 11, 13–31 (15) = 18 (30);
        // November: 20 (50); December: 1–12 gives 10 (60).
        assertThat(clock.due(CALENDAR)).contains(parse("2025-12-12"));
    }
}
