package org.kaifang.screening;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import org.kaifang.csv.CsvRecords.CsvRecord;

/**
 * Parties to screen from a CSV file, as exported from a spreadsheet: a header row with {@code name} and optionally
 * {@code kind} and {@code jurisdiction}, in any order; one party per row.
 */
public final class PartyFile {

    private PartyFile() {}

    /**
     * @throws InvalidScreeningRequest listing every problem, each at {@code row N/column}
     */
    public static List<Party> read(String source, String csv) {
        var rows = Csv.parse(source, csv);
        var problems = new ArrayList<InvalidScreeningRequest.Problem>();
        if (rows.isEmpty()) {
            throw new InvalidScreeningRequest(List.of(new InvalidScreeningRequest.Problem(source, "empty file")));
        }
        var header = new HashMap<String, Integer>();
        var names = rows.getFirst().fields();
        for (var i = 0; i < names.size(); i++) {
            header.put(names.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        if (!header.containsKey("name")) {
            throw new InvalidScreeningRequest(
                    List.of(new InvalidScreeningRequest.Problem(source + ": row 1", "no 'name' column")));
        }
        var parties = new ArrayList<Party>();
        for (var row : rows.subList(1, rows.size())) {
            var where = source + ": row " + row.line();
            var name = field(row, header.get("name"));
            if (name.isBlank()) {
                problems.add(new InvalidScreeningRequest.Problem(where + "/name", "empty"));
                continue;
            }
            PartyKind kind = null;
            var kindText = field(row, header.get("kind"));
            if (!kindText.isBlank()) {
                try {
                    kind = PartyKind.valueOf(kindText.strip().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    problems.add(new InvalidScreeningRequest.Problem(
                            where + "/kind", "'" + kindText + "' is not COMPANY, PERSON, STATE or FUND"));
                    continue;
                }
            }
            var jurisdiction = field(row, header.get("jurisdiction"));
            parties.add(new Party(name.strip(), kind, jurisdiction.isBlank() ? null : jurisdiction.strip()));
        }
        if (parties.size() > Screening.BATCH_LIMIT) {
            problems.add(new InvalidScreeningRequest.Problem(
                    source, parties.size() + " parties; the limit is " + Screening.BATCH_LIMIT));
        }
        if (!problems.isEmpty()) {
            throw new InvalidScreeningRequest(problems);
        }
        return parties;
    }

    private static String field(CsvRecord row, Integer index) {
        return index == null || index >= row.fields().size() ? "" : row.fields().get(index);
    }
}
