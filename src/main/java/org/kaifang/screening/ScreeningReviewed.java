package org.kaifang.screening;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Published in the transaction of every review action once it is stored: an alert raised, confirmed or dismissed, by
 * whom, when, and the status before and after. The audit trail records it; it names the alert, the list version and
 * the entry, not the party screened.
 *
 * @param from the alert's status before the action; {@code null} when the action raised it
 * @param officer the username of who acted
 */
public record ScreeningReviewed(
        UUID alert,
        ReviewAction.Kind action,
        @Nullable AlertStatus from,
        AlertStatus to,
        String officer,
        Instant at,
        ListRef list,
        String entryId,
        @Nullable String reason) {}
