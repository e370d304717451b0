package org.kaifang.applications;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One step in an application's history: who did what, when, from which status to which, and why.
 *
 * @param action the transition's name, e.g. {@code submit}, {@code request-correction}
 */
public record Step(
        Instant at,
        String user,
        String username,
        String organisation,
        String action,
        ApplicationStatus from,
        ApplicationStatus to,
        @Nullable String reason) {}
