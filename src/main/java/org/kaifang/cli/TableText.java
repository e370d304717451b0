package org.kaifang.cli;

import java.util.ArrayList;
import java.util.List;
import org.kaifang.eligibility.OpeningTable;

/** Renders an opening table as aligned columns, counting East Asian wide characters as two columns. */
final class TableText {

    private TableText() {}

    static String render(OpeningTable.Table table, String lang, String pack) {
        var header = new ArrayList<String>();
        header.add(lang.equals("zh") ? "业务" : "Service");
        var legend = new StringBuilder();
        for (int i = 0; i < table.places().size(); i++) {
            var place = table.places().get(i);
            header.add(place.id());
            legend.append("  ")
                    .append(place.id())
                    .append(": ")
                    .append(place.name().in(lang))
                    .append('\n');
        }
        var rows = new ArrayList<List<String>>();
        rows.add(header);
        for (var row : table.rows()) {
            var cells = new ArrayList<String>();
            cells.add(row.name().in(lang));
            row.cells().forEach(c -> cells.add(c.label()));
            rows.add(cells);
        }
        var widths = new int[header.size()];
        for (var row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], width(row.get(i)));
            }
        }
        var out = new StringBuilder();
        out.append(lang.equals("zh") ? "外资准入情况 " : "Foreign-investment opening on ")
                .append(table.asOf())
                .append(" (")
                .append(pack)
                .append(")\n");
        for (var row : rows) {
            for (int i = 0; i < row.size(); i++) {
                var cell = row.get(i);
                out.append(cell).append(" ".repeat(widths[i] - width(cell) + 2));
            }
            out.setLength(out.length() - 2);
            out.append('\n');
        }
        out.append('\n').append(legend);
        out.append(
                lang.equals("zh")
                        ? "  100% = 无上限；≤50% = 有上限；* = 须另行批准（如试点批复）；? = 依据不确定，须人工审查；— = 禁止\n"
                        : "  100% = no cap; ≤50% = capped; * = needs an extra approval (e.g. the pilot approval); ? = uncertain, an officer must judge; — = closed\n");
        return out.toString();
    }

    private static int width(String text) {
        var width = 0;
        for (int i = 0; i < text.length(); ) {
            var cp = text.codePointAt(i);
            width += cp >= 0x1100
                            && (cp <= 0x115F
                                    || (cp >= 0x2E80 && cp <= 0xA4CF)
                                    || (cp >= 0xAC00 && cp <= 0xD7A3)
                                    || (cp >= 0xF900 && cp <= 0xFAFF)
                                    || (cp >= 0xFE30 && cp <= 0xFE4F)
                                    || (cp >= 0xFF00 && cp <= 0xFF60)
                                    || (cp >= 0xFFE0 && cp <= 0xFFE6))
                    ? 2
                    : 1;
            i += Character.charCount(cp);
        }
        return width;
    }
}
