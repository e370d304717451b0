package org.kaifang.licensing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Published, in the transaction that stores it, after every change to a licence; {@code licence} is the whole public
 * view after the change, so a listener needs nothing else to keep its read model.
 *
 * @param actor the user id who made the change, or {@code system} for scheduled expiry and lapse
 * @param reason the stated reason, if the change has one
 */
public record LicenceChanged(
        LicenceView licence,
        LicenceChange change,
        String actor,
        Instant at,
        @Nullable String reason) {}
