package org.kaifang.applications;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Published after every transition of an application is stored: what happened, by whom, from which status to which.
 * Other modules (audit, notifications, licensing, statistics) listen to it; it carries no confidential content.
 *
 * @param acceptanceDue the acceptance clock's statutory due date after the transition (its due date when it stopped,
 *     once accepted); {@code null} before submission, while the clock is paused, or when the calendar does not cover
 *     the count yet
 * @param decisionDue the decision clock's statutory due date after the transition, extensions included; {@code null}
 *     before acceptance or when the calendar does not cover the count yet
 */
public record ApplicationChanged(
        ApplicationId application,
        long version,
        ApplicationType type,
        String applicant,
        String action,
        ApplicationStatus from,
        ApplicationStatus to,
        String user,
        String username,
        Instant at,
        @Nullable String reason,
        @Nullable LocalDate acceptanceDue,
        @Nullable LocalDate decisionDue) {

    /** An event without due dates, as published before the statistics module needed them. */
    public ApplicationChanged(
            ApplicationId application,
            long version,
            ApplicationType type,
            String applicant,
            String action,
            ApplicationStatus from,
            ApplicationStatus to,
            String user,
            String username,
            Instant at,
            @Nullable String reason) {
        this(application, version, type, applicant, action, from, to, user, username, at, reason, null, null);
    }
}
