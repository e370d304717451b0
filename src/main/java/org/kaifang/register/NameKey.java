package org.kaifang.register;

import java.util.Locale;

/**
 * How holder names are kept for partial search.
 *
 * <p>The Chinese name (any name, in fact) is kept as a <em>token key</em> ({@link #tokens}): every UTF-16 unit of the
 * lower-cased name, whitespace left out, is written as two letters and two digits ({@code 中国} is {@code hs13io69}).
 * Two things follow. pg_trgm indexes it in any database locale (in the C locale it would skip CJK characters), and even
 * a one-character query has the trigrams an index needs. And a match of a query's key can only start at a character:
 * the key runs letter, letter, digit, digit, and a query's key starts with two letters and a digit, which is found only
 * at the start of a unit's four. The encoding is one-to-one (26 × 26 × 10 × 10 = 67,600 ≥ 65,536 values), so the key
 * contains the query's key exactly when the name contains the query as a run of whole characters: no second check
 * against another key is needed (V20; until then a hex key was checked as well). Characters outside the Basic
 * Multilingual Plane are two units, each written as above, so they match as whole characters too.
 *
 * <p>English names are only lower-cased.
 */
final class NameKey {

    private NameKey() {}

    /** The token key of a name as stored, and of a query to match against it with {@code like '%key%'}. */
    static String tokens(String name) {
        var normal = name.strip().toLowerCase(Locale.ROOT);
        var key = new StringBuilder(normal.length() * 4);
        normal.codePoints().forEach(c -> {
            if (!Character.isWhitespace(c)) {
                for (char unit : Character.toChars(c)) {
                    key.append((char) ('a' + unit / 2600))
                            .append((char) ('a' + unit / 100 % 26))
                            .append((char) ('0' + unit / 10 % 10))
                            .append((char) ('0' + unit % 10));
                }
            }
        });
        return key.toString();
    }

    /** The English name as stored and searched. */
    static String english(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code text} has a Chinese character, so cannot be part of an English name. */
    static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** {@code text} with the {@code like} wildcards and the escape character escaped (escape character {@code \}). */
    static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
