package org.kaifang.notifications;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One e-mail in the outbox and how its delivery stands.
 *
 * @param message the inbox message it copies
 * @param attempts how often sending was tried
 * @param nextAttemptAt when a sender may try it next, while {@link Status#PENDING}
 * @param lastError why the last attempt failed, if it did
 */
public record OutboxMail(
        UUID id,
        UUID message,
        String address,
        String subject,
        String body,
        Status status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable String lastError,
        @Nullable Instant sentAt) {

    public enum Status {
        /** Waiting to be sent, or to be tried again after a failure. */
        PENDING,
        /** Handed to the SMTP server. */
        SENT,
        /** Given up after the most attempts allowed; {@code lastError} says why. */
        FAILED
    }
}
