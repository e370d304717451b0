package org.kaifang.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One value of a parameter, with the period in which it has legal effect and the provision that sets it.
 *
 * @param from first day of effect
 * @param to last day of effect, or {@code null} while in force
 * @param value a {@link BigDecimal}, a {@link String}, a {@link Boolean}, a {@code List<String>} or a
 *     {@code Map<String, Object>}
 * @param citation the provision that sets the value
 * @param confidence how sure the pack is of the value
 * @param note an optional remark shown with findings that use the value, e.g. why a fact is uncertain
 */
public record DatedValue(
        LocalDate from,
        @Nullable LocalDate to,
        Object value,
        Citation citation,
        Confidence confidence,
        @Nullable Bilingual note) {

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }

    public BigDecimal decimal() {
        if (value instanceof BigDecimal d) {
            return d;
        }
        throw new IllegalStateException("Not a number: " + value);
    }

    public String text() {
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalStateException("Not a text: " + value);
    }

    @SuppressWarnings("unchecked")
    public List<String> strings() {
        if (value instanceof List<?> list) {
            return (List<String>) list;
        }
        throw new IllegalStateException("Not a list: " + value);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map() {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalStateException("Not a map: " + value);
    }
}
