package org.kaifang.register;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.kaifang.csv.CsvLine;
import org.kaifang.licensing.LicenceView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register's bulk data, like the FCC's ULS files: a full snapshot of every licence as it stood at the end of a day
 * (China time) and a daily delta of the changes made on a day, in CSV (RFC 4180) and JSON Lines. The snapshot of a day
 * plus the next day's delta gives the next day's snapshot. Both are built from the register's history, so a file for a
 * past day is the same whenever it is asked for; a file for today is provisional ({@link Manifest#complete()} false).
 *
 * <p>Files are streamed row by row from a database cursor (fetch size {@value #FETCH}), so memory stays constant
 * however large the register; the SHA-256 and the row count are taken as the bytes go out.
 *
 * <p>CSV cells that begin with {@code = + - @}, a tab or a carriage return would be run as formulas by spreadsheet
 * programs (CSV injection). Such cells, and cells beginning with an apostrophe, are written with one apostrophe in
 * front; a reader takes off one leading apostrophe where there is one. Every value round-trips, and ordinary values
 * (none of which begin with those characters) are written as they are.
 */
@Component
public class BulkData {

    /** Changes with the columns or their meaning. */
    public static final int SCHEMA_VERSION = 1;

    static final int FETCH = 1000;

    /** The full snapshot or the daily delta. */
    public enum Kind {
        SNAPSHOT,
        DELTA
    }

    public enum Format {
        CSV("text/csv", "csv"),
        JSONL("application/jsonl", "jsonl");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return extension;
        }
    }

    /** What describes a file: its schema, its size, its digest and when it was made. */
    public record Manifest(
            int schemaVersion,
            Kind kind,
            Format format,
            LocalDate date,
            String file,
            long rows,
            String sha256,
            Instant generatedAt,
            boolean complete,
            List<String> columns,
            String csvFormulaEscaping) {}

    /** The columns of both files' CSV, in order; the delta adds {@link #DELTA_COLUMNS} in front. */
    public static final List<String> COLUMNS = List.of(
            "id",
            "kind",
            "number",
            "holder",
            "holder_en",
            "uscc",
            "legal_representative",
            "registered_capital_cny",
            "authority",
            "foreign_invested",
            "pilot",
            "pilot_area",
            "services",
            "issued_on",
            "valid_from",
            "valid_until",
            "status",
            "status_code",
            "conditions",
            "termination_reason",
            "termination_legal_basis",
            "termination_on",
            "synthetic",
            "source",
            "version");

    public static final List<String> DELTA_COLUMNS = List.of("change", "changed_at", "change_reason");

    static final String ESCAPING = "A cell beginning with = + - @ tab, carriage return or an apostrophe has one"
            + " apostrophe added in front; take one leading apostrophe off to read the value.";

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;
    private final Clock clock;

    /** Reading from {@code reads}: the replica, when there is one. */
    @org.springframework.beans.factory.annotation.Autowired
    BulkData(RegisterReads reads, Clock clock) {
        this(reads.dataSource(), reads.transactions(), clock);
    }

    BulkData(DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
        var template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH);
        this.jdbc = JdbcClient.create(template);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
    }

    /** The file's name, e.g. {@code kaifang-register-snapshot-2025-03-03.csv}. */
    public static String fileName(Kind kind, Format format, LocalDate date) {
        return "kaifang-register-" + kind.name().toLowerCase(Locale.ROOT) + "-" + date + "." + format.extension();
    }

    /** Today in China: the latest day there are files for, provisional until it is over. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(Register.CHINA));
    }

    /**
     * Writes the file of {@code kind} for {@code date} to {@code out} and returns its manifest. {@code out} is not
     * closed.
     */
    public Manifest write(Kind kind, Format format, LocalDate date, OutputStream out) {
        var generatedAt = clock.instant();
        var digest = sha256();
        var counted = new CountingRows(new DigestOutputStream(out, digest), format);
        var columns = kind == Kind.DELTA ? concat(DELTA_COLUMNS, COLUMNS) : COLUMNS;
        readOnly.executeWithoutResult(status -> {
            if (format == Format.CSV) {
                counted.header(columns);
            }
            var next = date.plusDays(1).atStartOfDay(Register.CHINA).toOffsetDateTime();
            var spec = kind == Kind.SNAPSHOT
                    ? jdbc.sql("""
                                    select h.view_json, h.change, h.at, h.reason from register.licence_history h
                                    where h.at < :before and h.version = (select max(l.version)
                                      from register.licence_history l where l.licence_id = h.licence_id and l.at < :before)
                                    order by h.licence_id""").param("before", next)
                    : jdbc.sql("""
                                    select h.view_json, h.change, h.at, h.reason from register.licence_history h
                                    where h.changed_on = :day order by h.at, h.licence_id, h.version""").param("day", date);
            try (var rows = spec
                    .query((rs, i) -> new Row(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant(),
                            rs.getString(4)))
                    .stream()) {
                rows.forEach(row -> counted.row(kind, row));
            }
        });
        counted.flush();
        return new Manifest(
                SCHEMA_VERSION,
                kind,
                format,
                date,
                fileName(kind, format, date),
                counted.rows,
                HexFormat.of().formatHex(digest.digest()),
                generatedAt,
                date.isBefore(today()),
                columns,
                format == Format.CSV ? ESCAPING : "");
    }

    private record Row(
            String json,
            String change,
            Instant at,
            @Nullable String reason) {}

    /** Writes rows in the chosen format and counts them. */
    private static final class CountingRows {

        private final OutputStream out;
        private final Format format;
        private long rows;

        CountingRows(OutputStream out, Format format) {
            this.out = out;
            this.format = format;
        }

        void header(List<String> columns) {
            write(CsvLine.of(columns));
        }

        void row(Kind kind, Row row) {
            if (format == Format.JSONL) {
                if (kind == Kind.DELTA) {
                    var delta = new LinkedHashMap<String, Object>();
                    delta.put("change", row.change());
                    delta.put("changedAt", row.at().toString());
                    delta.put("changeReason", row.reason());
                    delta.put("licence", Register.JSON.readTree(row.json()));
                    write(Register.JSON.writeValueAsString(delta) + "\n");
                } else {
                    // Stored as the licensing module wrote it: one line of JSON already.
                    write(row.json().replace("\n", "") + "\n");
                }
            } else {
                var cells = new ArrayList<@Nullable String>();
                if (kind == Kind.DELTA) {
                    cells.add(row.change());
                    cells.add(OffsetDateTime.ofInstant(row.at(), ZoneOffset.UTC).toString());
                    cells.add(row.reason());
                }
                cells.addAll(cells(Register.read(row.json())));
                write(CsvLine.of(cells));
            }
            rows++;
        }

        void flush() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void write(String text) {
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A licence's CSV cells, in the order of {@link #COLUMNS}. */
    static List<@Nullable String> cells(LicenceView l) {
        var t = l.termination();
        var cells = new ArrayList<@Nullable String>(COLUMNS.size());
        cells.add(l.id().value());
        cells.add(l.kind().name());
        cells.add(l.number());
        cells.add(l.holder());
        cells.add(l.holderEn());
        cells.add(l.uscc());
        cells.add(l.legalRepresentative());
        cells.add(
                l.registeredCapitalCny() == null
                        ? null
                        : l.registeredCapitalCny().toPlainString());
        cells.add(l.authority());
        cells.add(Boolean.toString(l.foreignInvested()));
        cells.add(Boolean.toString(l.pilot()));
        cells.add(l.pilotArea());
        // B11/IRCS:310000|110000;B25/ICP:CN
        cells.add(l.services().stream()
                .map(s -> s.key() + ":" + String.join("|", s.coverage()))
                .collect(Collectors.joining(";")));
        cells.add(l.issuedOn().toString());
        cells.add(l.validFrom().toString());
        cells.add(l.validUntil() == null ? null : l.validUntil().toString());
        cells.add(l.status().name());
        cells.add(Integer.toString(l.status().code()));
        // Conditions are free text and may hold anything; one per line, inside the quoted cell.
        cells.add(String.join("\n", l.conditions()));
        cells.add(t == null ? null : t.reason());
        cells.add(t == null ? null : t.legalBasis());
        cells.add(t == null ? null : t.on().toString());
        cells.add(Boolean.toString(l.synthetic()));
        cells.add(l.source());
        cells.add(Long.toString(l.version()));
        return cells;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /** Manifest as the JSON the API serves. */
    public static Map<String, Object> json(Manifest m) {
        var json = new LinkedHashMap<String, Object>();
        json.put("schemaVersion", m.schemaVersion());
        json.put("kind", m.kind().name().toLowerCase(Locale.ROOT));
        json.put("format", m.format().extension());
        json.put("date", m.date().toString());
        json.put("file", m.file());
        json.put("rows", m.rows());
        json.put("sha256", m.sha256());
        json.put("generatedAt", m.generatedAt().toString());
        json.put("complete", m.complete());
        json.put("columns", m.format() == Format.CSV ? m.columns() : List.of());
        json.put("csvFormulaEscaping", m.csvFormulaEscaping());
        return json;
    }
}
