package org.kaifang.screening;

/** A text in simplified Chinese and English, as every user-facing text of a screening is. */
public record Explanation(String zh, String en) {

    public Explanation {
        if (zh.isBlank() || en.isBlank()) {
            throw new IllegalArgumentException("An explanation needs both languages");
        }
    }
}
