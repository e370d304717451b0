package org.kaifang.calendar;

/** The status of a {@link StatutoryClock} on a date. */
public enum ClockStatus {
    /** Counting, due date not passed. */
    RUNNING,
    /** Standing still (a correction request is outstanding). */
    PAUSED,
    /** Counting, due date passed. */
    OVERDUE,
    /** Ended: the act the period was for was done, or the matter closed. */
    STOPPED
}
