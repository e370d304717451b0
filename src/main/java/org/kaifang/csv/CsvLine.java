package org.kaifang.csv;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One RFC 4180 line: fields separated by commas, the line ended by CRLF, a field quoted when it holds a comma, a quote,
 * a CR or an LF, with its quotes doubled. A missing value ({@code null}) is an empty field. Numbers and booleans are
 * written as they are. Any other cell is written as its text, with an apostrophe in front when it begins with a
 * character that makes a spreadsheet run it as a formula ({@code = + - @}, tab, CR) or with an apostrophe (OWASP, CSV
 * injection), so that {@code '=1} read back is not taken for a defused {@code =1}.
 */
public final class CsvLine {

    private CsvLine() {}

    /** {@code cells} as one line, CRLF included. */
    public static String of(List<? extends @Nullable Object> cells) {
        var line = new StringBuilder(256);
        append(line, cells);
        return line.toString();
    }

    /** Appends {@code cells} to {@code out} as one line, CRLF included. */
    public static void append(StringBuilder out, List<? extends @Nullable Object> cells) {
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

    /** {@code cell} with an apostrophe in front if it begins with a formula character or an apostrophe. */
    public static String defused(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        return switch (cell.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r', '\'' -> "'" + cell;
            default -> cell;
        };
    }

    private static void field(StringBuilder line, String cell) {
        var quote = false;
        for (int i = 0; i < cell.length() && !quote; i++) {
            var c = cell.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            line.append(cell);
            return;
        }
        line.append('"');
        for (int i = 0; i < cell.length(); i++) {
            var c = cell.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }
}
