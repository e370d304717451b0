package org.kaifang.accounts;

import java.io.Serializable;
import java.util.UUID;

/** Identifies a user; other modules record this as who acted. */
public record UserId(UUID value) implements Serializable {

    public static UserId random() {
        return new UserId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
