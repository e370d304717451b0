package org.kaifang.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A named legal parameter whose value changes over time, such as a foreign-equity cap or a minimum registered
 * capital. Its periods never overlap; a date outside every period has no value.
 */
public record Parameter(
        String key, Bilingual description, @Nullable String unit, List<DatedValue> values) {

    public Parameter {
        values = List.copyOf(values);
    }

    /** The value in force on {@code date}, if any. */
    public Optional<DatedValue> at(LocalDate date) {
        for (var value : values) {
            if (value.inForceOn(date)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** The value in force on {@code date}. */
    public DatedValue require(LocalDate date) {
        return at(date).orElseThrow(() -> new IllegalStateException("Parameter " + key + " has no value on " + date));
    }
}
