package org.kaifang.eligibility;

import org.jspecify.annotations.Nullable;

/** The Unified Social Credit Code of GB 32100-2015: 18 characters with a check character. */
final class Uscc {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Uscc() {}

    /** Why {@code code} is not a valid USCC, or {@code null} when it is. */
    static @Nullable String problem(String code) {
        if (code.length() != 18) {
            return "must have 18 characters, not " + code.length();
        }
        var sum = 0;
        for (int i = 0; i < 18; i++) {
            var value = ALPHABET.indexOf(code.charAt(i));
            if (value < 0) {
                return "character " + (i + 1) + " ('" + code.charAt(i)
                        + "') is not allowed: use digits and capital letters other than I, O, S, V and Z";
            }
            if (i < 17) {
                sum += value * WEIGHTS[i];
            }
        }
        var expected = ALPHABET.charAt((31 - sum % 31) % 31);
        if (code.charAt(17) != expected) {
            return "check character is '" + code.charAt(17) + "' but GB 32100-2015 gives '" + expected + "'";
        }
        return null;
    }
}
