package org.kaifang.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One figure as a table: what it counts ({@code definition}), when it was computed ({@code asOf}; the read models are
 * kept in the transactions that change the data, so they are current at that moment), the date range asked for, the
 * columns in order and one row per line, each a map from column to value. The same table is the JSON body, the CSV
 * file and the dashboard's accessible data table.
 *
 * @param name the figure's name in the API, e.g. {@code enterprises}
 * @param from the range's first day; {@code null} for "from the beginning"
 * @param headline the few numbers a news item would quote (e.g. the latest count and its year-on-year growth)
 */
public record Figure(
        String name,
        String definition,
        Instant asOf,
        @Nullable LocalDate from,
        LocalDate to,
        List<String> columns,
        List<Map<String, @Nullable Object>> rows,
        Map<String, @Nullable Object> headline) {

    public Figure {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        headline = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headline));
    }

    /** The values of {@code column}, row by row. */
    public List<@Nullable Object> column(String column) {
        return rows.stream().map(r -> r.get(column)).toList();
    }

    /** The rows whose {@code column} equals {@code value}. */
    public List<Map<String, @Nullable Object>> rowsWhere(String column, Object value) {
        return rows.stream().filter(r -> value.equals(r.get(column))).toList();
    }
}
