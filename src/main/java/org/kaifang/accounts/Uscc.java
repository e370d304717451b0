package org.kaifang.accounts;

import java.io.Serializable;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A company's Unified Social Credit Code (统一社会信用代码) of GB 32100-2015: 18 characters, the last a check
 * character.
 */
public record Uscc(String value) implements Serializable {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** @throws IllegalArgumentException saying what is wrong with {@code value} */
    public Uscc {
        value = value.strip().toUpperCase(Locale.ROOT);
        var problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException("USCC '" + value + "' " + problem);
        }
    }

    /** Why {@code code} is not a valid USCC, or {@code null} when it is. */
    static @Nullable String problem(String code) {
        var text = code.strip().toUpperCase(Locale.ROOT);
        if (text.length() != 18) {
            return "must have 18 characters, not " + text.length();
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(text.charAt(i)) < 0) {
                return "has '" + text.charAt(i) + "' at position " + (i + 1)
                        + ": use digits and capital letters other than I, O, S, V and Z";
            }
        }
        var expected = checkCharacter(text.substring(0, 17));
        if (text.charAt(17) != expected) {
            return "ends in '" + text.charAt(17) + "' but its check character is '" + expected + "'";
        }
        return null;
    }

    /** The check character for the first 17 characters of a code. */
    static char checkCharacter(String first17) {
        var sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    @Override
    public String toString() {
        return value;
    }
}
