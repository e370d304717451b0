package org.kaifang.applications;

/** Which part of the work queue to show, by the running clock's due date. */
public enum DueFilter {
    /** Every application of the chosen statuses. */
    ANY,
    /** Only those past their due date. */
    OVERDUE,
    /** Only those due from today to five working days ahead. */
    SOON
}
