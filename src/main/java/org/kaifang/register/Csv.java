package org.kaifang.register;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * RFC 4180 lines: fields separated by commas, lines ended by CRLF, a field quoted when it holds a comma, a quote, a CR
 * or an LF, with its quotes doubled. A missing value is an empty field. Cells that a spreadsheet would run as a formula
 * get one apostrophe in front ({@link BulkData}).
 */
final class Csv {

    private Csv() {}

    static String line(List<? extends @Nullable String> cells) {
        var line = new StringBuilder(256);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            var cell = cells.get(i);
            if (cell != null) {
                field(line, defused(cell));
            }
        }
        return line.append("\r\n").toString();
    }

    /** {@code cell} with an apostrophe in front if it begins with a formula character or an apostrophe. */
    static String defused(String cell) {
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
