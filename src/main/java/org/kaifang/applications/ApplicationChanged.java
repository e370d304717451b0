package org.kaifang.applications;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Published after every transition of an application is stored: what happened, by whom, from which status to which.
 * Other modules (audit, notifications, licensing, statistics) listen to it; it carries no confidential content.
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
        @Nullable String reason) {}
