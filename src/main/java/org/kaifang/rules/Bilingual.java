package org.kaifang.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A text in simplified Chinese and English, as every user-facing legal string in Kaifang is. A value: two texts are
 * equal when both languages are.
 *
 * <p>A text filled from a rule pack {@link MessageTemplate} is rendered when it is first read. A determination carries
 * dozens of messages and most callers read one language of each, or none; rendering on demand keeps the engine within
 * its budget (see {@code docs/benchmarks.md}) while every message stays fully defined by its template and values.
 */
public final class Bilingual {

    // Rendered on first read. Racy single-check, as String.hash: Strings are immutable, so a thread that sees null
    // renders the same text again, and no thread ever sees a half-built one.
    private @Nullable String zh;
    private @Nullable String en;
    private final @Nullable MessageTemplate template;
    private final Object @Nullable [] values;

    public Bilingual(String zh, String en) {
        if (zh.isBlank() || en.isBlank()) {
            throw new IllegalArgumentException("A bilingual text needs both languages");
        }
        this.zh = zh;
        this.en = en;
        this.template = null;
        this.values = null;
    }

    /** {@code template} filled with {@code namesAndValues}, rendered on first read. */
    Bilingual(MessageTemplate template, Object[] namesAndValues) {
        this.template = template;
        this.values = namesAndValues;
    }

    public String zh() {
        var text = zh;
        if (text == null) {
            text = Objects.requireNonNull(template).render(true, Objects.requireNonNull(values));
            zh = text;
        }
        return text;
    }

    public String en() {
        var text = en;
        if (text == null) {
            text = Objects.requireNonNull(template).render(false, Objects.requireNonNull(values));
            en = text;
        }
        return text;
    }

    /**
     * A cheap stand-in for this text in sets: the template and its values when it was filled from one, else the text
     * itself. Texts with equal identities are equal; the converse holds for texts made the same way.
     */
    public Object identity() {
        return template == null ? this : List.of(template, Arrays.asList(Objects.requireNonNull(values)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bilingual other && zh().equals(other.zh()) && en().equals(other.en());
    }

    @Override
    public int hashCode() {
        return 31 * zh().hashCode() + en().hashCode();
    }

    @Override
    public String toString() {
        return "Bilingual[zh=" + zh() + ", en=" + en() + "]";
    }

    /** The text in the language of {@code locale}: Chinese for any {@code zh} locale, English otherwise. */
    public String in(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? zh() : en();
    }

    /** The text in {@code lang} ("zh" or "en"). */
    public String in(String lang) {
        return "zh".equals(lang) ? zh() : en();
    }

    /** Replaces each {@code {name}} placeholder in both languages. */
    public Bilingual with(String name, String value) {
        return fill(name, value);
    }

    public Bilingual with(String name, Bilingual value) {
        return fill(name, value);
    }

    /**
     * Replaces every {@code {name}} placeholder in one pass over each language. {@code namesAndValues} alternates a
     * placeholder name and its value, a {@link String} (the same in both languages) or a {@link Bilingual}. Unknown
     * placeholders are left as they are, so a template can be filled in steps.
     *
     * <p>Determinations render thousands of these a second; one pass per language, instead of one per placeholder,
     * is what keeps the engine within its budget.
     */
    public Bilingual fill(Object... namesAndValues) {
        return MessageTemplate.of(this).fill(namesAndValues);
    }
}
