package org.kaifang.calendar;

/** What a day is in China's working-day calendar. */
public enum DayKind {
    /** Monday to Friday, not a holiday: a working day. */
    WEEKDAY(true),
    /** Saturday or Sunday, not made a working day: not a working day. */
    WEEKEND(false),
    /** A day off under the State Council's notice for the year, weekday or weekend: not a working day. */
    HOLIDAY(false),
    /** A Saturday or Sunday made a working day by the notice (调休上班): a working day. */
    ADJUSTED_WORKING_DAY(true);

    private final boolean working;

    DayKind(boolean working) {
        this.working = working;
    }

    /** Whether a day of this kind is a working day. */
    public boolean isWorkingDay() {
        return working;
    }
}
