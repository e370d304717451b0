package org.kaifang.whatif;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
        var quote =
                cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\r') >= 0 || cell.indexOf('\n') >= 0;
        if (!quote) {
            line.append(cell);
            return;
        }
        line.append('"').append(cell.replace("\"", "\"\"")).append('"');
    }
}
