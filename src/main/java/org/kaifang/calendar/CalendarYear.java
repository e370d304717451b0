package org.kaifang.calendar;

import java.util.List;

/**
 * A year as one notice (or, rarely, a notice and its amendment) sets it.
 *
 * @param year the year the notice is for; dates may reach into late December of the year before
 * @param source where the data were read from: {@code built-in} or the imported file
 */
public record CalendarYear(int year, List<Notice> notices, List<Holiday> holidays, String source) {

    public CalendarYear {
        notices = List.copyOf(notices);
        holidays = List.copyOf(holidays);
    }
}
