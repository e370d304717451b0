package org.kaifang.applications;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A line of the officers' work queue, with the due dates of the running clocks. */
public record QueueRow(
        ApplicationId id,
        long version,
        ApplicationType type,
        ApplicationStatus status,
        String applicant,
        String applicantName,
        Instant updatedAt,
        @Nullable LocalDate acceptanceDue,
        @Nullable LocalDate decisionDue) {

    /** The earliest due date of a running clock, if any. */
    public @Nullable LocalDate due() {
        return acceptanceDue != null ? acceptanceDue : decisionDue;
    }
}
