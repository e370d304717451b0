package org.kaifang.whatif;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.kaifang.csv.CsvLine;

/**
 * The affected enterprises of a run as CSV, written a keyset page at a time so that a large run is never held in
 * memory. Cells that a spreadsheet would take for a formula are defused with a leading apostrophe (OWASP CSV
 * injection), as the register's exports are.
 */
final class ChangesCsv {

    static final List<String> HEADER = List.of(
            "kind",
            "reference",
            "enterprise",
            "uscc",
            "seat",
            "area",
            "foreign_equity_percent",
            "equity_assumed",
            "service",
            "direction",
            "current_outcome",
            "candidate_outcome",
            "current_rule",
            "candidate_rule");

    private ChangesCsv() {}

    /** The run's affected enterprises as a CSV download, {@code whatif-ID.csv}. */
    static void download(WhatIf whatIf, Run run, jakarta.servlet.http.HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"whatif-" + run.id() + ".csv\"");
        write(
                whatIf,
                run,
                new java.io.OutputStreamWriter(response.getOutputStream(), java.nio.charset.StandardCharsets.UTF_8));
    }

    static void write(WhatIf whatIf, Run run, Writer out) throws IOException {
        out.write(line(HEADER));
        var after = 0L;
        while (true) {
            var page = whatIf.changes(run, after, 2_000);
            if (page.isEmpty()) {
                break;
            }
            for (var c : page) {
                out.write(line(List.of(
                        c.kind().name(),
                        c.ref(),
                        c.name(),
                        c.uscc() == null ? "" : c.uscc(),
                        c.seat(),
                        c.area(),
                        c.equity().stripTrailingZeros().toPlainString(),
                        Boolean.toString(c.equityAssumed()),
                        c.service(),
                        c.direction().name(),
                        c.current(),
                        c.candidate(),
                        c.currentRule(),
                        c.candidateRule())));
            }
            after = page.getLast().seq();
        }
        out.flush();
    }

    private static String line(List<String> cells) {
        return CsvLine.of(cells);
    }
}
