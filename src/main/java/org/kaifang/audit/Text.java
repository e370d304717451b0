package org.kaifang.audit;

import org.jspecify.annotations.Nullable;

/** Text as the trail stores it: within its column's length, and without NUL, which PostgreSQL refuses. */
final class Text {

    private Text() {}

    static String clip(String text, int max) {
        var clean = text.replace('\u0000', '\uFFFD');
        if (clean.length() <= max) {
            return clean;
        }
        // Never cut a surrogate pair in half: the database would store a different string from the one hashed.
        var end = Character.isHighSurrogate(clean.charAt(max - 1)) ? max - 1 : max;
        return clean.substring(0, end);
    }

    static @Nullable String clipNullable(@Nullable String text, int max) {
        return text == null ? null : clip(text, max);
    }
}
