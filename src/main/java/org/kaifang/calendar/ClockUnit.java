package org.kaifang.calendar;

/** How a period is counted: in working days, or in calendar days. */
public enum ClockUnit {
    /** Only working days count (weekdays that are not holidays, and adjusted working weekends). */
    WORKING,
    /** Every day counts; a period whose last day is not a working day ends on the next working day. */
    CALENDAR
}
