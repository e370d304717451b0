package org.kaifang.screening;

/** Where an alert stands in review. An alert is decided once: from {@code OPEN} to one of the other two. */
public enum AlertStatus {
    /** Raised and waiting for an officer. */
    OPEN,
    /** An officer found the party to be the listed entity. */
    CONFIRMED,
    /** An officer found the party not to be the listed entity. */
    DISMISSED
}
