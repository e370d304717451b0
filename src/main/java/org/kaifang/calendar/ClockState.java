package org.kaifang.calendar;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** Where a {@link StatutoryClock} stands at the end of a date. */
public sealed interface ClockState {

    /** The status this state has. */
    ClockStatus status();

    /**
     * Counting, due date not passed.
     *
     * @param daysLeft days still to count after the date up to the due date, in the clock's unit (0 on the due date)
     */
    record Running(LocalDate due, int daysLeft) implements ClockState {
        @Override
        public ClockStatus status() {
            return ClockStatus.RUNNING;
        }
    }

    /**
     * Standing still since {@code since}; the due date is not known until the clock resumes.
     *
     * @param daysLeft days still to count once it resumes, in the clock's unit
     */
    record Paused(LocalDate since, String reason, int daysLeft) implements ClockState {
        @Override
        public ClockStatus status() {
            return ClockStatus.PAUSED;
        }
    }

    /**
     * The due date has passed.
     *
     * @param daysOverdue calendar days since the due date
     */
    record Overdue(LocalDate due, int daysOverdue) implements ClockState {
        @Override
        public ClockStatus status() {
            return ClockStatus.OVERDUE;
        }
    }

    /**
     * Stopped on {@code on}.
     *
     * @param due the due date it had; {@code null} when it was stopped while paused
     * @param inTime whether it was stopped on or before the due date (always when stopped while paused)
     */
    record Stopped(LocalDate on, String reason, @Nullable LocalDate due, boolean inTime) implements ClockState {
        @Override
        public ClockStatus status() {
            return ClockStatus.STOPPED;
        }
    }
}
