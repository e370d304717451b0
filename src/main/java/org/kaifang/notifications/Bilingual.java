package org.kaifang.notifications;

/** A text in simplified Chinese and in English. */
public record Bilingual(String zh, String en) {

    /** The text in {@code lang}: {@code zh} or anything else for English. */
    public String in(String lang) {
        return "zh".equals(lang) ? zh : en;
    }
}
