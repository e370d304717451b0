package org.kaifang.register;

import java.util.Locale;

/**
 * How holder names are kept for partial search. The Chinese name is written character by character as {@code g}, the
 * hexadecimal code point and {@code g} again ({@code 中国} is {@code g4e2dgg56fdg}): a query written the same way can
 * only match whole characters in sequence, and even a one-character query has the three-letter runs a trigram index
 * needs. This works the same on H2 and on PostgreSQL in any locale; pg_trgm in the C locale would otherwise skip CJK
 * characters altogether. English names are only lower-cased.
 *
 * <p>For the index, the name is also written as {@link #tokens}: three base-36 digits per character and nothing between,
 * so that each trigram covers one whole character or parts of two neighbours and is about as selective as a character
 * bigram. The token key alone could match across a character boundary; the search checks {@link #of} as well.
 */
final class NameKey {

    private NameKey() {}

    /** The key of a name as stored, and of a query to match against it with {@code like '%key%'}. */
    static String of(String name) {
        var normal = name.strip().toLowerCase(Locale.ROOT);
        var key = new StringBuilder(normal.length() * 6);
        normal.codePoints().forEach(c -> {
            if (!Character.isWhitespace(c)) {
                key.append('g').append(Integer.toHexString(c)).append('g');
            }
        });
        return key.toString();
    }

    /**
     * The index key of a name: each character (as in {@link #of}) as three base-36 digits of its code point modulo
     * 36³. Characters beyond that range may share tokens; the search's check of {@link #of} sorts them out.
     */
    static String tokens(String name) {
        var normal = name.strip().toLowerCase(Locale.ROOT);
        var key = new StringBuilder(normal.length() * 3);
        normal.codePoints().forEach(c -> {
            if (!Character.isWhitespace(c)) {
                var t = c % TOKENS;
                key.append(Character.forDigit(t / 1296, 36))
                        .append(Character.forDigit(t / 36 % 36, 36))
                        .append(Character.forDigit(t % 36, 36));
            }
        });
        return key.toString();
    }

    private static final int TOKENS = 36 * 36 * 36;

    /** The English name as stored and searched. */
    static String english(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** {@code text} with the {@code like} wildcards and the escape character escaped (escape character {@code \}). */
    static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
