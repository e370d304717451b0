package org.kaifang.accounts;

import java.util.UUID;

/** Identifies an API token; shown in lists and used to revoke it. Not the secret. */
public record ApiTokenId(UUID value) {

    public static ApiTokenId random() {
        return new ApiTokenId(UUID.randomUUID());
    }

    /**
     * The id written as {@code text}.
     *
     * @throws IllegalArgumentException when {@code text} is no UUID
     */
    public static ApiTokenId parse(String text) {
        try {
            return new ApiTokenId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is no token id (a UUID)");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
