package org.kaifang.ownership;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kaifang.csv.CsvRecords;
import org.kaifang.csv.CsvRecords.CsvRecord;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a structure from CSV files, as exported from a spreadsheet: {@code parties.csv}
 * ({@code id,name,kind,jurisdiction[,uscc,lei,registry]}), {@code holdings.csv}
 * ({@code owner,owned,equityPercent[,equityMin,equityMax,votingPercent]}) and optionally {@code control.csv}
 * ({@code controller,controlled,kind}). Each file starts with a header row; columns may come in any order. The result
 * is the JSON form of the ownership contract, so the same validation applies.
 */
public final class CsvStructures {

    private CsvStructures() {}

    /** A CSV file that cannot be read: the file, the line and what is wrong. */
    public static final class Malformed extends RuntimeException {
        public Malformed(String message) {
            super(message);
        }
    }

    public static ObjectNode read(String parties, String holdings, @Nullable String control) {
        var nodes = JsonNodeFactory.instance;
        var root = nodes.objectNode();
        var partyArray = root.putArray("parties");
        for (var row : rows("parties.csv", parties, List.of("id", "name", "kind", "jurisdiction"))) {
            var party = partyArray.addObject();
            party.put("id", row.get("id"));
            party.put("name", row.get("name"));
            party.put("kind", row.get("kind").toUpperCase(Locale.ROOT));
            party.put("jurisdiction", row.get("jurisdiction").toUpperCase(Locale.ROOT));
            var identifiers = nodes.objectNode();
            for (var key : List.of("uscc", "lei", "registry")) {
                var value = row.get(key);
                if (value != null && !value.isBlank()) {
                    identifiers.put(key, value);
                }
            }
            if (!identifiers.isEmpty()) {
                party.set("identifiers", identifiers);
            }
        }
        var holdingArray = root.putArray("holdings");
        for (var row : rows("holdings.csv", holdings, List.of("owner", "owned"))) {
            var line = row.line();
            var holding = holdingArray.addObject();
            holding.put("owner", row.get("owner"));
            holding.put("owned", row.get("owned"));
            var equity = row.get("equityPercent");
            var min = row.get("equityMin");
            var max = row.get("equityMax");
            if (equity != null && !equity.isBlank()) {
                number(holding, "equityPercent", equity, "holdings.csv", line);
            } else if (min != null && !min.isBlank() && max != null && !max.isBlank()) {
                var range = holding.putArray("equityRange");
                addNumber(range, min, "holdings.csv", line);
                addNumber(range, max, "holdings.csv", line);
            }
            var voting = row.get("votingPercent");
            if (voting != null && !voting.isBlank()) {
                number(holding, "votingPercent", voting, "holdings.csv", line);
            }
        }
        if (control != null) {
            var controlArray = root.putArray("control");
            for (var row : rows("control.csv", control, List.of("controller", "controlled", "kind"))) {
                controlArray
                        .addObject()
                        .put("controller", row.get("controller"))
                        .put("controlled", row.get("controlled"))
                        .put("kind", row.get("kind").toUpperCase(Locale.ROOT));
            }
        }
        return root;
    }

    private static void number(ObjectNode node, String field, String value, String file, int line) {
        try {
            node.put(field, new java.math.BigDecimal(value.strip().replace("%", "")));
        } catch (NumberFormatException e) {
            throw new Malformed(file + " line " + line + ": " + field + " '" + value + "' is not a number");
        }
    }

    private static void addNumber(ArrayNode array, String value, String file, int line) {
        try {
            array.add(new java.math.BigDecimal(value.strip().replace("%", "")));
        } catch (NumberFormatException e) {
            throw new Malformed(file + " line " + line + ": '" + value + "' is not a number");
        }
    }

    /** A row as a column → value map, by the header row, and the line it starts on. */
    record Row(int line, Map<String, String> values) {
        @Nullable
        String get(String column) {
            return values.get(column);
        }
    }

    /** The rows of {@code text}, by its header row. */
    static List<Row> rows(String file, String text, List<String> required) {
        List<CsvRecord> records;
        try {
            records = CsvRecords.parse(text);
        } catch (CsvRecords.Unclosed e) {
            throw new Malformed(file + " line " + e.line() + ": a quoted field is not closed");
        }
        if (records.isEmpty()) {
            throw new Malformed(file + ": empty; the first row must name the columns");
        }
        var header = records.getFirst().fields().stream().map(String::strip).toList();
        for (var column : required) {
            if (!header.contains(column)) {
                throw new Malformed(file + ": the header has no column '" + column + "' (it has " + header + ")");
            }
        }
        var rows = new ArrayList<Row>();
        for (var r : records.subList(1, records.size())) {
            var record = r.fields();
            var line = r.line();
            if (record.size() == 1 && record.getFirst().isBlank()) {
                continue;
            }
            if (record.size() > header.size()) {
                throw new Malformed(
                        file + " line " + line + ": " + record.size() + " fields but the header has " + header.size());
            }
            var row = new LinkedHashMap<String, String>();
            for (int c = 0; c < record.size(); c++) {
                row.put(header.get(c), record.get(c).strip());
            }
            for (var column : required) {
                if (row.getOrDefault(column, "").isBlank()) {
                    throw new Malformed(file + " line " + line + ": '" + column + "' is empty");
                }
            }
            rows.add(new Row(line, row));
        }
        return rows;
    }
}
