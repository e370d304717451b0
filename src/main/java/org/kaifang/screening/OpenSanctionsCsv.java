package org.kaifang.screening;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kaifang.csv.CsvRecords.CsvRecord;

/**
 * Imports the CSV that OpenSanctions maintains for its {@code cn_sanctions} dataset: columns Type, QID, Name, Alias,
 * Chinese name, Country, Topics, Summary, Chinese summary, Body, List, Date, End date, Source URL, in any order.
 *
 * <p>One row is one designation; rows of the same entity (same QID, else same type and name) become one entry with
 * one listing per row, and every name, alias and Chinese name of its rows. Rows citing the same notice on the same
 * date share an announcement. Dates are day first ({@code 12.07.24}, {@code 10.10.2024}, {@code 26.2.2026}); two-digit
 * years are 20YY. The file says nothing about measures, so each listing carries the usual measures of its list, marked
 * as inferred. A row without a date is kept, as in force since 1970-01-01, with a warning.
 */
public final class OpenSanctionsCsv {

    static final List<String> REQUIRED = List.of("Type", "Name", "List", "Topics", "Date", "Source URL");

    private static final Pattern DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{2}|\\d{4})");
    private static final Pattern URL_DATE = Pattern.compile("t(20\\d{2})(\\d{2})(\\d{2})_");

    private OpenSanctionsCsv() {}

    /**
     * Reads {@code csv} (UTF-8); {@code source} names it in problems and in the list id.
     *
     * @throws ListImportProblem naming the row and field of the first problem of every bad row (see
     *     {@link ListImportProblem#problems()})
     */
    public static ImportedList read(String source, byte[] csv, String version) {
        var rows = Csv.parse(source, new String(csv, StandardCharsets.UTF_8));
        if (rows.isEmpty()) {
            throw new ListImportProblem(source, 0, null, "empty file");
        }
        var header = new HashMap<String, Integer>();
        var headerRow = rows.getFirst();
        for (var i = 0; i < headerRow.fields().size(); i++) {
            header.put(headerRow.fields().get(i).strip(), i);
        }
        var problems = new ListImportProblem.Collector();
        for (var column : REQUIRED) {
            if (!header.containsKey(column)) {
                problems.add(new ListImportProblem(source, headerRow.line(), column, "missing column"));
            }
        }
        problems.check();
        var warnings = new ArrayList<String>();
        var announcements = new HashMap<String, Announcement>();
        var drafts = new LinkedHashMap<String, Draft>();
        for (var row : rows.subList(1, rows.size())) {
            try {
                readRow(source, row, header, warnings, announcements, drafts);
            } catch (ListImportProblem e) {
                problems.add(e);
            }
        }
        problems.check();
        var entries = new ArrayList<ListEntry>();
        var n = 0;
        for (var draft : drafts.entrySet()) {
            n++;
            var d = draft.getValue();
            var names = d.names.stream()
                    .distinct()
                    .map(t -> new EntryName(t, Confidence.S))
                    .toList();
            entries.add(new ListEntry("os-" + n, d.kind, names, d.listings, d.country.isEmpty() ? null : d.country));
        }
        var ref = new ListRef("opensanctions-cn_sanctions", version, Digests.sha256(csv));
        return new ImportedList(new RestrictedPartyList(ref, entries), warnings);
    }

    /** Reads one row into {@code drafts}, sharing announcements; throws on the row's first problem. */
    private static void readRow(
            String source,
            CsvRecord row,
            Map<String, Integer> header,
            List<String> warnings,
            Map<String, Announcement> announcements,
            Map<String, Draft> drafts) {
        var fields = new Fields(source, row, header);
        var kind = switch (fields.required("Type")) {
            case "Person" -> EntryKind.PERSON;
            case "Company" -> EntryKind.COMPANY;
            case "Organization", "Organisation" -> EntryKind.ORGANISATION;
            default ->
                throw new ListImportProblem(
                        source,
                        row.line(),
                        "Type",
                        "'" + fields.get("Type") + "' is not Person, Company or Organization");
        };
        var name = fields.required("Name");
        var list = list(fields);
        var dateText = fields.get("Date");
        LocalDate date;
        if (dateText.isEmpty()) {
            date = LocalDate.EPOCH;
            warnings.add(source + ", row " + row.line() + ": no Date; '" + name + "' kept as listed since 1970-01-01");
        } else {
            date = date(fields, "Date");
            checkAgainstUrl(source, row.line(), date, fields.get("Source URL"), warnings);
        }
        var url = url(fields);
        var ended = fields.get("End date").isEmpty()
                ? null
                : new Delisting(
                        date(fields, "End date"),
                        new Source(source + ", row " + row.line() + ": End date", url, Confidence.S));
        var key = list + "|" + date + "|" + fields.get("Source URL");
        var announcement = announcements.computeIfAbsent(
                key, k -> announcement(list, date, fields, url, announcements.size() + 1));
        var qid = fields.get("QID");
        var id = !qid.isEmpty() ? qid : kind + ":" + name.toLowerCase(Locale.ROOT);
        var draft = drafts.computeIfAbsent(id, k -> new Draft(kind, fields.get("Country")));
        draft.names.add(name);
        for (var alias : List.of(fields.get("Alias"), fields.get("Chinese name"))) {
            if (!alias.isEmpty()) {
                draft.names.add(alias);
            }
        }
        draft.listings.add(new Listing(announcement, List.of(), ended));
    }

    private static final class Draft {
        final EntryKind kind;
        final String country;
        final List<String> names = new ArrayList<>();
        final List<Listing> listings = new ArrayList<>();

        Draft(EntryKind kind, String country) {
            this.kind = kind;
            this.country = country;
        }
    }

    private static Announcement announcement(
            RestrictedList list, LocalDate date, Fields fields, @Nullable URI url, int number) {
        var body = fields.get("Body").isEmpty() ? "unknown body" : fields.get("Body");
        var title = fields.get("List").isEmpty() ? list.en() : fields.get("List");
        return new Announcement(
                "os-" + number,
                list,
                null,
                new Explanation(list.zh() + "（" + date + "）", title + " (" + body + ", " + date + ")"),
                date,
                new Source("OpenSanctions cn_sanctions, row " + fields.row.line(), url, Confidence.S),
                usualMeasures(list),
                Confidence.I,
                List.of(),
                null);
    }

    /** The measures a listing on {@code list} usually carries; the CSV does not say. */
    static Set<Measure> usualMeasures(RestrictedList list) {
        return switch (list) {
            case UEL -> EnumSet.of(Measure.NO_TRADE, Measure.NO_NEW_INVESTMENT);
            case EXPORT_CONTROL -> EnumSet.of(Measure.NO_DUAL_USE_EXPORT);
            case EXPORT_CONTROL_WATCH, COUNTERMEASURE -> EnumSet.noneOf(Measure.class);
        };
    }

    private static RestrictedList list(Fields fields) {
        var list = fields.get("List");
        var lower = list.toLowerCase(Locale.ROOT);
        if (list.equals("UEL") || lower.contains("unreliable entit")) {
            return RestrictedList.UEL;
        }
        if (lower.equals("list of export controls") || lower.equals("export control list")) {
            return RestrictedList.EXPORT_CONTROL;
        }
        if (lower.contains("export control watch")) {
            return RestrictedList.EXPORT_CONTROL_WATCH;
        }
        if (list.equals("AFSL") || lower.contains("countermeasure") || lower.contains("counter-measure")) {
            return RestrictedList.COUNTERMEASURE;
        }
        if (list.isEmpty()) {
            var topics = fields.get("Topics");
            if (topics.contains("export.control")) {
                return RestrictedList.EXPORT_CONTROL;
            }
            if (topics.contains("sanction.counter")) {
                return RestrictedList.COUNTERMEASURE;
            }
            throw new ListImportProblem(
                    fields.source, fields.row.line(), "Topics", "no List, and Topics '" + topics + "' name none");
        }
        throw new ListImportProblem(fields.source, fields.row.line(), "List", "unknown list '" + list + "'");
    }

    private static LocalDate date(Fields fields, String column) {
        var text = fields.get(column);
        var m = DATE.matcher(text);
        if (!m.matches()) {
            throw new ListImportProblem(
                    fields.source, fields.row.line(), column, "'" + text + "' is not a date (DD.MM.YYYY)");
        }
        var year = Integer.parseInt(m.group(3));
        try {
            return LocalDate.of(
                    year < 100 ? 2000 + year : year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)));
        } catch (DateTimeException e) {
            throw new ListImportProblem(fields.source, fields.row.line(), column, "'" + text + "' is not a date");
        }
    }

    /** MFA addresses carry their publication date (t20191202_…); a Date far from it is worth a second look. */
    private static void checkAgainstUrl(String source, int line, LocalDate date, String url, List<String> warnings) {
        var m = URL_DATE.matcher(url);
        if (m.find()) {
            try {
                var published = LocalDate.of(
                        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                if (Math.abs(ChronoUnit.DAYS.between(published, date)) > 62) {
                    warnings.add(source + ", row " + line + ": Date " + date + " is far from the notice's date "
                            + published + " in its Source URL (day and month swapped?)");
                }
            } catch (DateTimeException ignored) {
                // Not a date after all: nothing to compare.
            }
        }
    }

    private static @Nullable URI url(Fields fields) {
        var text = fields.get("Source URL");
        if (text.isEmpty()) {
            return null;
        }
        try {
            var uri = new URI(text);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw new ListImportProblem(
                        fields.source, fields.row.line(), "Source URL", "'" + text + "' is not an http(s) address");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new ListImportProblem(
                    fields.source, fields.row.line(), "Source URL", "'" + text + "' is not a URL: " + e.getReason());
        }
    }

    private record Fields(String source, CsvRecord row, Map<String, Integer> header) {

        String get(String column) {
            var index = header.get(column);
            if (index == null) {
                return "";
            }
            if (index >= row.fields().size()) {
                throw new ListImportProblem(
                        source,
                        row.line(),
                        column,
                        "row has only " + row.fields().size() + " fields");
            }
            return row.fields().get(index).strip();
        }

        String required(String column) {
            var value = get(column);
            if (value.isEmpty()) {
                throw new ListImportProblem(source, row.line(), column, "empty");
            }
            return value;
        }
    }
}
