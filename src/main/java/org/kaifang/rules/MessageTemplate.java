package org.kaifang.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule pack message parsed once into literal text and {@code {name}} placeholders, so that filling it costs one copy
 * per language. The engine fills thousands of these a second; see {@code docs/benchmarks.md}.
 */
public final class MessageTemplate {

    private final Bilingual text;
    private final Parsed zh;
    private final Parsed en;

    MessageTemplate(Bilingual text) {
        this.text = text;
        this.zh = Parsed.of(text.zh());
        this.en = Parsed.of(text.en());
    }

    /** A template that is not in a rule pack, such as the engine's own joins of pack messages. */
    public static MessageTemplate of(Bilingual text) {
        return new MessageTemplate(text);
    }

    /** The template itself, placeholders unfilled. */
    public Bilingual text() {
        return text;
    }

    /**
     * The message with each placeholder replaced. {@code namesAndValues} alternates a placeholder name and its value,
     * a {@link String} (the same in both languages) or a {@link Bilingual}. Placeholders without a value stay as
     * written.
     */
    public Bilingual fill(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("fill takes name/value pairs");
        }
        if (zh.names.length == 0 && en.names.length == 0) {
            return text;
        }
        // Rendering happens later, so anything but an immutable String or Bilingual is turned into text now.
        for (int i = 1; i < namesAndValues.length; i += 2) {
            if (!(namesAndValues[i] instanceof String) && !(namesAndValues[i] instanceof Bilingual)) {
                namesAndValues[i] = String.valueOf(namesAndValues[i]);
            }
        }
        return new Bilingual(this, namesAndValues);
    }

    /** The text in one language with {@code namesAndValues} put in; called by {@link Bilingual} on first read. */
    String render(boolean chinese, Object[] namesAndValues) {
        return chinese ? zh.fill(true, namesAndValues) : en.fill(false, namesAndValues);
    }

    private record Parsed(String template, String[] literals, String[] names) {

        static Parsed of(String template) {
            var literals = new ArrayList<String>();
            var names = new ArrayList<String>();
            int from = 0;
            int open = template.indexOf('{');
            while (open >= 0) {
                int close = template.indexOf('}', open + 1);
                if (close < 0) {
                    break;
                }
                literals.add(template.substring(from, open));
                // Interned, so that names given as literals compare by identity.
                names.add(template.substring(open + 1, close).intern());
                from = close + 1;
                open = template.indexOf('{', from);
            }
            literals.add(template.substring(from));
            return new Parsed(template, literals.toArray(String[]::new), names.toArray(String[]::new));
        }

        String fill(boolean chinese, Object[] namesAndValues) {
            if (names.length == 0) {
                return template;
            }
            var parts = new String[literals.length + names.length];
            int p = 0;
            for (int i = 0; i < names.length; i++) {
                parts[p++] = literals[i];
                parts[p++] = value(names[i], chinese, namesAndValues);
            }
            parts[p] = literals[names.length];
            // String.join sizes the result exactly: one allocation, one copy.
            return String.join("", parts);
        }

        private static String value(String name, boolean chinese, Object[] namesAndValues) {
            for (int i = 0; i < namesAndValues.length; i += 2) {
                if (name == namesAndValues[i] || name.equals(namesAndValues[i])) {
                    var value = namesAndValues[i + 1];
                    return value instanceof Bilingual b ? (chinese ? b.zh() : b.en()) : String.valueOf(value);
                }
            }
            return "{" + name + "}";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Parsed other && template.equals(other.template);
        }

        @Override
        public int hashCode() {
            return template.hashCode();
        }

        @Override
        public String toString() {
            return template;
        }
    }

    /** The names of the placeholders, in the order the English text uses them. */
    public List<String> placeholders() {
        return List.of(en.names);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
