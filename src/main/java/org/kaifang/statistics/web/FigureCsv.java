package org.kaifang.statistics.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kaifang.csv.CsvLine;
import org.kaifang.statistics.Figure;

/**
 * A figure as RFC 4180 CSV (UTF-8, CRLF): a header line of the column names, then one line per row. Numbers are written
 * as they are; a text cell that a spreadsheet would run as a formula gets an apostrophe in front.
 */
final class FigureCsv {

    private FigureCsv() {}

    static String of(Figure figure) {
        var out = new StringBuilder(64 + 32 * figure.rows().size());
        line(out, figure.columns().stream().map(c -> (Object) c).toList());
        for (Map<String, @Nullable Object> row : figure.rows()) {
            line(out, figure.columns().stream().map(row::get).toList());
        }
        return out.toString();
    }

    private static void line(StringBuilder out, java.util.List<@Nullable Object> cells) {
        CsvLine.append(out, cells);
    }
}
