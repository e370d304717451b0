package org.kaifang.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kaifang.licensing.LicenceChange;
import org.kaifang.licensing.LicenceChanged;
import org.kaifang.licensing.LicenceView;
import org.kaifang.licensing.LicensedService;
import org.kaifang.testing.Databases;
import org.kaifang.testing.Databases.Database;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Bulk data: every value, Chinese text, delimiters, quotes, newlines and would-be formulas among them, comes back
 * unchanged from the CSV (read with a strict RFC 4180 reader) and the JSON Lines; manifests count the rows and hash the
 * bytes; a snapshot is as of the end of its day and a delta holds only that day's changes.
 */
class BulkDataTests {

    /** 2025-03-03 10:00 in China. */
    static final Instant DAY_ONE = Instant.parse("2025-03-03T02:00:00Z");

    static final Instant DAY_TWO = DAY_ONE.plusSeconds(86_400);

    static Stream<Database> databases() {
        return Databases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void everyValueRoundTripsThroughCsvAndJsonLines(Database db) throws Exception {
        var bulk = bulk(db, DAY_TWO.plusSeconds(86_400 * 10));
        var register = new Register(db.dataSource());
        var awkward = awkward();
        var plain = LicenceViews.licence("B-2", "B2-20250002", "北京普通科技有限公司", "Plain Tech", "91110000MA00000002");
        register.apply(new LicenceChanged(awkward, LicenceChange.RECORDED, "system", DAY_ONE, null));
        register.apply(new LicenceChanged(plain, LicenceChange.RECORDED, "system", DAY_ONE, null));

        var csv = new ByteArrayOutputStream();
        var manifest = bulk.write(BulkData.Kind.SNAPSHOT, BulkData.Format.CSV, LocalDate.parse("2025-03-03"), csv);

        var rows = parse(csv.toString(StandardCharsets.UTF_8));
        assertThat(rows.getFirst()).containsExactlyElementsOf(BulkData.COLUMNS);
        assertThat(rows.subList(1, rows.size()))
                .containsExactlyInAnyOrder(undefused(BulkData.cells(awkward)), undefused(BulkData.cells(plain)));
        assertThat(manifest.rows()).isEqualTo(2);
        assertThat(manifest.sha256()).isEqualTo(sha256(csv.toByteArray()));
        assertThat(manifest.complete()).isTrue();
        assertThat(manifest.file()).isEqualTo("kaifang-register-snapshot-2025-03-03.csv");
        // Would-be formulas are defused in the file itself, ordinary values are written as they are.
        assertThat(csv.toString(StandardCharsets.UTF_8))
                .contains("'=HYPERLINK(\"\"http://x\"\")", "北京普通科技有限公司,Plain Tech,");

        var jsonl = new ByteArrayOutputStream();
        var jsonManifest =
                bulk.write(BulkData.Kind.SNAPSHOT, BulkData.Format.JSONL, LocalDate.parse("2025-03-03"), jsonl);
        var lines = jsonl.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(Stream.of(lines).map(Register::read)).containsExactlyInAnyOrder(awkward, plain);
        assertThat(jsonManifest.rows()).isEqualTo(2);
        assertThat(jsonManifest.sha256()).isEqualTo(sha256(jsonl.toByteArray()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSnapshotIsAsOfTheEndOfItsDayAndADeltaHoldsThatDaysChanges(Database db) {
        var bulk = bulk(db, DAY_TWO);
        var register = new Register(db.dataSource());
        var v1 = LicenceViews.licence("S-1", "B2-20250001", "上海示例", null, null);
        register.apply(new LicenceChanged(v1, LicenceChange.ISSUED, "u1", DAY_ONE, null));
        register.apply(LicenceViews.changed(
                LicenceViews.revoked(v1, LocalDate.parse("2025-03-04")), LicenceChange.REVOKED, DAY_TWO));

        var dayOne = rows(bulk, BulkData.Kind.SNAPSHOT, "2025-03-03");
        var dayTwo = rows(bulk, BulkData.Kind.SNAPSHOT, "2025-03-04");
        var delta = rows(bulk, BulkData.Kind.DELTA, "2025-03-04");

        assertThat(dayOne).hasSize(2);
        assertThat(dayOne.get(1).get(BulkData.COLUMNS.indexOf("status"))).isEqualTo("NORMAL");
        assertThat(dayTwo.get(1).get(BulkData.COLUMNS.indexOf("status"))).isEqualTo("REVOKED");
        assertThat(rows(bulk, BulkData.Kind.SNAPSHOT, "2025-03-02")).hasSize(1);
        assertThat(delta).hasSize(2);
        assertThat(delta.get(0).subList(0, 3)).containsExactly("change", "changed_at", "change_reason");
        assertThat(delta.get(1).get(0)).isEqualTo("REVOKED");
        assertThat(delta.get(1).get(2)).isEqualTo("reason with, \"quotes\"\nand a line");
        assertThat(rows(bulk, BulkData.Kind.DELTA, "2025-03-05")).hasSize(1);
        var today = bulk.write(
                BulkData.Kind.DELTA, BulkData.Format.JSONL, LocalDate.parse("2025-03-04"), new ByteArrayOutputStream());
        assertThat(today.complete()).isFalse();
    }

    /** Every awkward thing a value can hold, in every free-text field. */
    static LicenceView awkward() {
        var v = LicenceViews.licence(
                "B-1", "合字B1.B2-20250001", "示例 \"引号\", 公司\r\n第二行", "=HYPERLINK(\"http://x\")", "91310000MA1FL0AB1X");
        return new LicenceView(
                v.id(),
                v.kind(),
                v.number(),
                v.holder(),
                v.holderEn(),
                v.uscc(),
                null,
                "'撇号",
                new BigDecimal("12345.67"),
                v.authority(),
                true,
                false,
                null,
                List.of(
                        new LicensedService("B11", "IRCS", List.of("310115", "110105")),
                        new LicensedService("B25", null, List.of("CN"))),
                v.issuedOn(),
                v.validFrom(),
                v.validUntil(),
                v.status(),
                List.of("-1+2 条件一", "@SUM(1)", "\t制表符", "逗号, 和\n换行"),
                null,
                null,
                true,
                "https://example.org/a?b=1,2",
                1);
    }

    private static BulkData bulk(Database db, Instant now) {
        return new BulkData(
                db.dataSource(), new DataSourceTransactionManager(db.dataSource()), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static List<List<String>> rows(BulkData bulk, BulkData.Kind kind, String date) {
        var out = new ByteArrayOutputStream();
        bulk.write(kind, BulkData.Format.CSV, LocalDate.parse(date), out);
        return parse(out.toString(StandardCharsets.UTF_8)).stream()
                .map(BulkDataTests::undefusedRow)
                .toList();
    }

    private static List<String> undefusedRow(List<String> row) {
        return row.stream().map(c -> c.startsWith("'") ? c.substring(1) : c).toList();
    }

    /** What a reader gets back: no value is an empty cell, and the cells as they were before defusing. */
    private static List<String> undefused(List<@Nullable String> cells) {
        return cells.stream().map(c -> c == null ? "" : c).toList();
    }

    /** A strict RFC 4180 reader: fails on anything the RFC does not allow; takes one leading apostrophe off. */
    static List<List<String>> parse(String text) {
        var rows = new ArrayList<List<String>>();
        var row = new ArrayList<String>();
        var cell = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        boolean wasQuoted = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                    i++;
                    var next = i < text.length() ? text.charAt(i) : '\r';
                    assertThat(next).as("after a closing quote at %d", i).isIn(',', '\r');
                    continue;
                }
                cell.append(c);
                i++;
                continue;
            }
            switch (c) {
                case '"' -> {
                    assertThat(cell)
                            .as("a quote inside an unquoted field at %d", i)
                            .isEmpty();
                    quoted = true;
                    wasQuoted = true;
                    i++;
                }
                case ',' -> {
                    row.add(unescape(cell.toString()));
                    cell.setLength(0);
                    wasQuoted = false;
                    i++;
                }
                case '\r' -> {
                    assertThat(text.charAt(i + 1)).as("CR without LF at %d", i).isEqualTo('\n');
                    row.add(unescape(cell.toString()));
                    cell.setLength(0);
                    rows.add(row);
                    row = new ArrayList<>();
                    wasQuoted = false;
                    i += 2;
                }
                case '\n' -> throw new AssertionError("LF without CR outside quotes at " + i);
                default -> {
                    assertThat(wasQuoted)
                            .as("text after a closing quote at %d", i)
                            .isFalse();
                    cell.append(c);
                    i++;
                }
            }
        }
        assertThat(quoted).as("an unclosed quote").isFalse();
        assertThat(cell).as("a last line without CRLF").isEmpty();
        return rows;
    }

    private static String unescape(String cell) {
        return cell.startsWith("'") ? cell.substring(1) : cell;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
