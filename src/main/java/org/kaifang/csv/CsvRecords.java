package org.kaifang.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV, as the files people upload are written: fields separated by commas, a field in double quotes may
 * hold commas, doubled quotes and line breaks; lines end with LF or CRLF; a byte-order mark at the start is ignored, and
 * so are empty lines. Each record keeps the line it starts on, so that a problem can be reported where an editor shows
 * it, whatever line breaks the quoted fields before it hold. Fields are given as written: not stripped, and a
 * defused cell ({@link CsvLine#defused}) keeps its apostrophe.
 */
public final class CsvRecords {

    private CsvRecords() {}

    /** A record and the line (from 1) it starts on. */
    public record CsvRecord(int line, List<String> fields) {}

    /** A quoted field that the text ends inside. */
    public static final class Unclosed extends IllegalArgumentException {

        private final int line;

        Unclosed(int line) {
            super("line " + line + ": a quoted field is not closed");
            this.line = line;
        }

        /** The line its record starts on. */
        public int line() {
            return line;
        }
    }

    /**
     * The records of {@code text}.
     *
     * @throws Unclosed when the text ends inside a quoted field
     */
    public static List<CsvRecord> parse(String text) {
        var records = new ArrayList<CsvRecord>();
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
                    records.add(new CsvRecord(start, List.copyOf(fields)));
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
            throw new Unclosed(start);
        }
        if (!field.isEmpty() || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(new CsvRecord(start, List.copyOf(fields)));
        }
        return records;
    }
}
