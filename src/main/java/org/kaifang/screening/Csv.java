package org.kaifang.screening;

import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV: comma-separated, fields in double quotes may hold commas, quotes ("") and line breaks. */
final class Csv {

    private Csv() {}

    /** The records of {@code text}, each with the line it starts on. */
    record Row(int line, List<String> fields) {}

    static List<Row> parse(String source, String text) {
        var rows = new ArrayList<Row>();
        var fields = new ArrayList<String>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var start = 1;
        var i = text.startsWith("\uFEFF") ? 1 : 0;
        while (i < text.length()) {
            var c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                if (!(fields.size() == 1 && fields.getFirst().isEmpty())) {
                    rows.add(new Row(start, List.copyOf(fields)));
                }
                fields.clear();
                line++;
                start = line;
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new ListImportProblem(source, start, null, "a quoted field is not closed");
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            rows.add(new Row(start, List.copyOf(fields)));
        }
        return rows;
    }
}
