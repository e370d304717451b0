package org.kaifang.accounts;

import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An API token as its owner sees it in a list: never its secret, which is shown once when the token is issued.
 *
 * @param roles the roles the token may act with; on each use they are cut down to those its user still holds
 * @param revokedAt when it was revoked, or {@code null}
 * @param lastUsedAt when it last authenticated a request (to the minute), or {@code null}
 */
public record ApiToken(
        ApiTokenId id,
        UserId user,
        OrganisationId organisation,
        String name,
        Set<Role> roles,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant revokedAt,
        @Nullable Instant lastUsedAt) {

    /** Whether a token is usable now, and if not why. */
    public enum Status {
        ACTIVE,
        EXPIRED,
        REVOKED
    }

    public ApiToken {
        roles = Set.copyOf(roles);
    }

    public Status status(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.ACTIVE : Status.EXPIRED;
    }
}
