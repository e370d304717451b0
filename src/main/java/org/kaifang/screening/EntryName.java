package org.kaifang.screening;

/**
 * A name under which an entry is listed, in whatever script the source gives. The first name of an entry is its
 * primary name; the others are aliases. Every one of them is matched.
 */
public record EntryName(String text, Confidence confidence) {

    public EntryName {
        text = text.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("A name must not be blank");
        }
    }

    /** Whether the name contains Chinese characters. */
    public boolean isChinese() {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
