package org.kaifang.statistics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The dates a figure covers, both inclusive: {@code from} may be open ("from the beginning"), {@code to} defaults to
 * today in China.
 */
public record DateRange(@Nullable LocalDate from, LocalDate to) {

    /** The earliest date a range may start on: no VAS licence predates the 1990s. */
    public static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

    /** The latest date a range may end on. */
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    /** Refused input: a problem per parameter, keyed by its name. */
    public static final class Invalid extends RuntimeException {

        private final Map<String, String> problems;

        public Invalid(Map<String, String> problems) {
            super("Invalid date range: " + problems);
            this.problems = Map.copyOf(problems);
        }

        public Map<String, String> problems() {
            return problems;
        }
    }

    /**
     * Reads {@code from} and {@code to} as ISO dates ({@code 2025-02-28}); blank means not given.
     *
     * @throws Invalid naming every parameter that is not a date, out of bounds, or in the wrong order
     */
    public static DateRange parse(@Nullable String from, @Nullable String to, LocalDate today) {
        var problems = new LinkedHashMap<String, String>();
        var start = date("from", from, problems);
        var end = date("to", to, problems);
        if (start != null && end != null && start.isAfter(end)) {
            problems.put("from", "must not be after to (" + end + ")");
        }
        var last = end == null ? today : end;
        if (start != null && end == null && start.isAfter(today)) {
            problems.put("from", "must not be after today (" + today + ") when to is not given");
        }
        if (!problems.isEmpty()) {
            throw new Invalid(problems);
        }
        return new DateRange(start, last);
    }

    private static @Nullable LocalDate date(String name, @Nullable String text, Map<String, String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            var date = LocalDate.parse(text.strip());
            if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
                problems.put(name, "must be between " + EARLIEST + " and " + LATEST);
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            problems.put(name, "must be a date written YYYY-MM-DD, e.g. 2025-02-28");
            return null;
        }
    }
}
