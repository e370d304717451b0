package org.kaifang.screening;

import org.jspecify.annotations.Nullable;

/**
 * A party to screen: a name in any script, and optional hints. A {@link PartyKind#PERSON} hint lets Wade-Giles and
 * pinyin spellings of the same syllable match. The jurisdiction is recorded with the result but does not yet change
 * the score.
 */
public record Party(
        String name, @Nullable PartyKind kind, @Nullable String jurisdiction) {

    public Party {
        if (name.isBlank()) {
            throw new IllegalArgumentException("A party needs a name");
        }
    }

    public static Party named(String name) {
        return new Party(name, null, null);
    }
}
