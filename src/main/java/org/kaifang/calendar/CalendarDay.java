package org.kaifang.calendar;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One day of the calendar.
 *
 * @param name the holiday the day belongs to, for {@link DayKind#HOLIDAY} and {@link DayKind#ADJUSTED_WORKING_DAY}
 *     (the holiday whose make-up day it is); {@code null} for ordinary weekdays and weekends
 */
public record CalendarDay(
        LocalDate date, DayKind kind, @Nullable HolidayName name) {

    /** Whether the day is a working day. */
    public boolean workingDay() {
        return kind.isWorkingDay();
    }
}
