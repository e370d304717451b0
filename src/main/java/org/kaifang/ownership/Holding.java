package org.kaifang.ownership;

import org.jspecify.annotations.Nullable;

/**
 * One party's stake in another.
 *
 * @param equity the equity share
 * @param voting the voting share when it differs from equity; {@code null} when it does not
 */
public record Holding(
        String owner, String owned, Share equity, @Nullable Share voting) {

    /** The votes this holding carries: the voting share if declared, else the equity share. */
    public Share votes() {
        return voting == null ? equity : voting;
    }
}
