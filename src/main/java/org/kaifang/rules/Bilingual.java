package org.kaifang.rules;

import java.util.Locale;

/** A text in simplified Chinese and English, as every user-facing legal string in Kaifang is. */
public record Bilingual(String zh, String en) {

    public Bilingual {
        if (zh.isBlank() || en.isBlank()) {
            throw new IllegalArgumentException("A bilingual text needs both languages");
        }
    }

    /** The text in the language of {@code locale}: Chinese for any {@code zh} locale, English otherwise. */
    public String in(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? zh : en;
    }

    /** The text in {@code lang} ("zh" or "en"). */
    public String in(String lang) {
        return "zh".equals(lang) ? zh : en;
    }

    /** Replaces each {@code {name}} placeholder in both languages. */
    public Bilingual with(String name, String value) {
        var token = "{" + name + "}";
        return new Bilingual(zh.replace(token, value), en.replace(token, value));
    }

    public Bilingual with(String name, Bilingual value) {
        var token = "{" + name + "}";
        return new Bilingual(zh.replace(token, value.zh()), en.replace(token, value.en()));
    }
}
