package org.kaifang.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * One holiday of a year's notice: its days off (weekends inside the break included) and the weekends made working
 * days to make up for it.
 */
public record Holiday(HolidayName name, List<LocalDate> daysOff, List<LocalDate> adjustedWorkingDays) {

    public Holiday {
        daysOff = List.copyOf(daysOff);
        adjustedWorkingDays = List.copyOf(adjustedWorkingDays);
    }
}
