package org.kaifang.accounts;

import java.io.Serializable;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The name a user signs in with: 3 to 64 characters, lower-case Latin letters, digits, {@code .}, {@code _} and
 * {@code -}, starting with a letter. Upper case is accepted and folded, so {@code Applicant.A} and {@code applicant.a}
 * are one user.
 */
public record Username(String value) implements Serializable {

    private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9._-]*");
    static final int MIN = 3;
    static final int MAX = 64;

    /** @throws IllegalArgumentException saying what is wrong with {@code value} */
    public Username {
        value = fold(value);
        var problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException("Username '" + value + "' " + problem);
        }
    }

    /** Why {@code text} is not a username, or {@code null} when it is one. */
    static @Nullable String problem(String text) {
        var folded = fold(text);
        if (folded.length() < MIN || folded.length() > MAX) {
            return "must have " + MIN + " to " + MAX + " characters, not " + folded.length();
        }
        if (!FORMAT.matcher(folded).matches()) {
            return "must start with a letter and contain only letters a-z, digits, '.', '_' and '-'";
        }
        return null;
    }

    private static String fold(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
