package org.kaifang.statistics.web;

import java.util.Map;
import org.jspecify.annotations.Nullable;
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
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            var cell = cells.get(i);
            if (cell instanceof Number || cell instanceof Boolean) {
                out.append(cell);
            } else if (cell != null) {
                field(out, defused(cell.toString()));
            }
        }
        out.append("\r\n");
    }

    static String defused(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\'' -> "'" + cell;
            default -> cell;
        };
    }

    private static void field(StringBuilder out, String cell) {
        if (cell.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
            out.append(cell);
            return;
        }
        out.append('"').append(cell.replace("\"", "\"\"")).append('"');
    }
}
