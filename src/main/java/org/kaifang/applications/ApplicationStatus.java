package org.kaifang.applications;

/**
 * Where an application stands. {@code DRAFT → SUBMITTED → ACCEPTED | CORRECTION_REQUESTED}; a correction returns to
 * {@code SUBMITTED} on resubmission; {@code ACCEPTED → UNDER_REVIEW → RECOMMENDED → APPROVED | REFUSED};
 * {@code WITHDRAWN} by the applicant at any point before a decision.
 */
public enum ApplicationStatus {
    DRAFT,
    SUBMITTED,
    CORRECTION_REQUESTED,
    ACCEPTED,
    UNDER_REVIEW,
    RECOMMENDED,
    APPROVED,
    REFUSED,
    WITHDRAWN;

    /** Whether the application is closed: decided or withdrawn. */
    public boolean closed() {
        return this == APPROVED || this == REFUSED || this == WITHDRAWN;
    }
}
