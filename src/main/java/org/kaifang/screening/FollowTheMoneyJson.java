package org.kaifang.screening;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports FollowTheMoney entities as JSON lines (one entity per line), as OpenSanctions exports them. Person, Company,
 * Organization and LegalEntity entities become list entries with their {@code name}, {@code alias}, {@code weakAlias}
 * and {@code previousName} values; each Sanction entity that points at one of them ({@code entity}) becomes a listing,
 * dated by {@code startDate} (else {@code listingDate}) and ended by {@code endDate}. The list is taken from
 * {@code program}/{@code programId} (CN-UEL, CN-AFSL, CN-CML, export control). Entities without a sanction are
 * skipped with a warning. FtM dates are ISO (YYYY, YYYY-MM or YYYY-MM-DD); a partial date counts from its first day.
 */
public final class FollowTheMoneyJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FollowTheMoneyJson() {}

    /**
     * Reads {@code lines} (UTF-8 JSON lines); {@code source} names it in problems.
     *
     * @throws ListImportProblem naming the line and property of the first problem of every bad line (see
     *     {@link ListImportProblem#problems()})
     */
    public static ImportedList read(String source, byte[] lines, String version) {
        var text = new String(lines, StandardCharsets.UTF_8);
        var parties = new LinkedHashMap<String, Party>();
        var sanctions = new HashMap<String, List<Listing>>();
        var line = 0;
        var announcements = new HashMap<String, Announcement>();
        var problems = new ListImportProblem.Collector();
        for (var raw : text.split("\n", -1)) {
            line++;
            if (raw.isBlank()) {
                continue;
            }
            try {
                JsonNode node;
                try {
                    node = JSON.readTree(raw);
                } catch (JacksonException e) {
                    throw new ListImportProblem(source, line, null, "not JSON: " + e.getOriginalMessage());
                }
                var id = required(source, line, node, "id");
                var schema = required(source, line, node, "schema");
                var properties = node.path("properties");
                switch (schema) {
                    case "Person", "Company", "Organization", "LegalEntity" -> {
                        var names = new ArrayList<String>();
                        for (var property : List.of("name", "alias", "weakAlias", "previousName")) {
                            values(properties, property).forEach(names::add);
                        }
                        if (names.isEmpty()) {
                            throw new ListImportProblem(source, line, "properties.name", "no name");
                        }
                        var kind = switch (schema) {
                            case "Person" -> EntryKind.PERSON;
                            case "Company" -> EntryKind.COMPANY;
                            default -> EntryKind.ORGANISATION;
                        };
                        var countries = values(properties, "country");
                        parties.put(
                                id, new Party(line, kind, names, countries.isEmpty() ? null : countries.getFirst()));
                    }
                    case "Sanction" -> {
                        var entities = values(properties, "entity");
                        if (entities.isEmpty()) {
                            throw new ListImportProblem(
                                    source, line, "properties.entity", "a sanction names no entity");
                        }
                        var list = list(source, line, properties);
                        var start = date(source, line, properties, "startDate");
                        if (start == null) {
                            start = date(source, line, properties, "listingDate");
                        }
                        if (start == null) {
                            throw new ListImportProblem(
                                    source, line, "properties.startDate", "no start or listing date");
                        }
                        var url = url(source, line, properties);
                        var end = date(source, line, properties, "endDate");
                        var authority = values(properties, "authority");
                        var date = start;
                        var at = line;
                        var key = list + "|" + start + "|" + url;
                        var announcement = announcements.computeIfAbsent(
                                key,
                                k -> new Announcement(
                                        "ftm-" + (announcements.size() + 1),
                                        list,
                                        null,
                                        new Explanation(
                                                list.zh() + "（" + date + "）",
                                                list.en() + " ("
                                                        + (authority.isEmpty()
                                                                ? "unknown authority"
                                                                : authority.getFirst())
                                                        + ", " + date + ")"),
                                        date,
                                        new Source(source + ", line " + at, url, Confidence.S),
                                        OpenSanctionsCsv.usualMeasures(list),
                                        Confidence.I,
                                        List.of(),
                                        null));
                        var ended = end == null
                                ? null
                                : new Delisting(
                                        end, new Source(source + ", line " + line + ": endDate", url, Confidence.S));
                        for (var entity : entities) {
                            sanctions
                                    .computeIfAbsent(entity, k -> new ArrayList<>())
                                    .add(new Listing(announcement, List.of(), ended));
                        }
                    }
                    default -> {
                        // Addresses, identifications, relationships: not needed to screen names.
                    }
                }
            } catch (ListImportProblem e) {
                problems.add(e);
            }
        }
        problems.check();
        var warnings = new ArrayList<String>();
        var entries = new ArrayList<ListEntry>();
        parties.forEach((id, party) -> {
            var listings = sanctions.getOrDefault(id, List.of());
            if (listings.isEmpty()) {
                warnings.add(source + ", line " + party.line() + ": " + id + " has no Sanction; skipped");
                return;
            }
            var names = party.names().stream()
                    .distinct()
                    .map(n -> new EntryName(n, Confidence.S))
                    .toList();
            entries.add(new ListEntry(id, party.kind(), names, listings, party.country()));
        });
        for (var entity : sanctions.keySet()) {
            if (!parties.containsKey(entity)) {
                warnings.add(source + ": a Sanction names " + entity + ", which is not in the file");
            }
        }
        var ref = new ListRef("ftm:" + source, version, Digests.sha256(lines));
        return new ImportedList(new RestrictedPartyList(ref, entries), warnings);
    }

    private record Party(
            int line,
            EntryKind kind,
            List<String> names,
            @Nullable String country) {}

    private static RestrictedList list(String source, int line, JsonNode properties) {
        var programs = new ArrayList<String>();
        programs.addAll(values(properties, "programId"));
        programs.addAll(values(properties, "program"));
        for (var program : programs) {
            var p = program.toLowerCase(Locale.ROOT);
            if (p.contains("cn-uel") || p.contains("unreliable entit")) {
                return RestrictedList.UEL;
            }
            if (p.contains("watch")) {
                return RestrictedList.EXPORT_CONTROL_WATCH;
            }
            if (p.contains("export control")) {
                return RestrictedList.EXPORT_CONTROL;
            }
            if (p.contains("cn-afsl")
                    || p.contains("cn-cml")
                    || p.contains("countermeasure")
                    || p.contains("counter-measure")) {
                return RestrictedList.COUNTERMEASURE;
            }
        }
        throw new ListImportProblem(source, line, "properties.program", "no known Chinese list in " + programs);
    }

    private static List<String> values(JsonNode properties, String property) {
        var out = new ArrayList<String>();
        for (var value : properties.path(property)) {
            var text = value.asString().strip();
            if (!text.isEmpty()) {
                out.add(text);
            }
        }
        return out;
    }

    private static String required(String source, int line, JsonNode node, String field) {
        var value = node.path(field);
        if (!value.isString() || value.asString().isBlank()) {
            throw new ListImportProblem(source, line, field, "missing");
        }
        return value.asString();
    }

    private static @Nullable LocalDate date(String source, int line, JsonNode properties, String property) {
        var values = values(properties, property);
        if (values.isEmpty()) {
            return null;
        }
        var text = values.stream().sorted().findFirst().orElseThrow();
        try {
            return switch (text.length()) {
                case 4 -> LocalDate.of(Integer.parseInt(text), 1, 1);
                case 7 -> LocalDate.parse(text + "-01");
                default -> LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new ListImportProblem(source, line, "properties." + property, "'" + text + "' is not an ISO date");
        }
    }

    private static @Nullable URI url(String source, int line, JsonNode properties) {
        var values = values(properties, "sourceUrl");
        if (values.isEmpty()) {
            return null;
        }
        try {
            return URI.create(values.getFirst());
        } catch (IllegalArgumentException e) {
            throw new ListImportProblem(
                    source, line, "properties.sourceUrl", "'" + values.getFirst() + "' is not a URL");
        }
    }
}
