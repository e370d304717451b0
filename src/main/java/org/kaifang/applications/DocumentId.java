package org.kaifang.applications;

import java.util.UUID;

/** The identity of one version of an application document. */
public record DocumentId(UUID value) {

    public static DocumentId random() {
        return new DocumentId(UUID.randomUUID());
    }

    /**
     * Parses the text form.
     *
     * @throws IllegalArgumentException when {@code text} is not a UUID
     */
    public static DocumentId parse(String text) {
        return new DocumentId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
