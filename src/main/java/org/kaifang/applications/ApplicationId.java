package org.kaifang.applications;

import java.util.UUID;

/** The identity of a licence application. */
public record ApplicationId(UUID value) {

    public static ApplicationId random() {
        return new ApplicationId(UUID.randomUUID());
    }

    /**
     * Parses the text form.
     *
     * @throws IllegalArgumentException when {@code text} is not a UUID
     */
    public static ApplicationId parse(String text) {
        return new ApplicationId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
