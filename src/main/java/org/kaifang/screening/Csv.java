package org.kaifang.screening;

import java.util.List;
import org.kaifang.csv.CsvRecords;
import org.kaifang.csv.CsvRecords.CsvRecord;

/** A list file's CSV records ({@link CsvRecords}); a quote left open is a problem of that file. */
final class Csv {

    private Csv() {}

    static List<CsvRecord> parse(String source, String text) {
        try {
            return CsvRecords.parse(text);
        } catch (CsvRecords.Unclosed e) {
            throw new ListImportProblem(source, e.line(), null, "a quoted field is not closed");
        }
    }
}
