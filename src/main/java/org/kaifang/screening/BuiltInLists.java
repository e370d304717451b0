package org.kaifang.screening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The list data Kaifang compiles itself ({@code screening/cn-lists.yaml}): announcements with their sources and
 * confidence, suspension windows, and entries with their names in each script. The digest is computed from the file's
 * bytes, so any edit changes it.
 */
public final class BuiltInLists {

    static final String RESOURCE = "screening/cn-lists.yaml";

    private static final YAMLMapper YAML = new YAMLMapper();

    private BuiltInLists() {}

    /** The compiled list that ships with Kaifang. */
    public static RestrictedPartyList load() {
        try (var in = BuiltInLists.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return read(RESOURCE, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads list data in the built-in YAML format; {@code source} names it in problems. */
    public static RestrictedPartyList read(String source, byte[] yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (RuntimeException e) {
            throw new ListImportProblem(source, 0, null, "not YAML: " + e.getMessage());
        }
        var reader = new Reader(source);
        var id = reader.text(root, "id", 0);
        var version = reader.text(root, "version", 0);
        var announcements = new HashMap<String, Announcement>();
        var row = 0;
        for (var node : root.path("announcements")) {
            row++;
            var announcement = reader.announcement(node, row);
            if (announcements.put(announcement.id(), announcement) != null) {
                throw new ListImportProblem(source, row, "id", "duplicate announcement " + announcement.id());
            }
        }
        var entries = new ArrayList<ListEntry>();
        row = 0;
        for (var node : root.path("entries")) {
            row++;
            entries.add(reader.entry(node, row, announcements));
        }
        try {
            return new RestrictedPartyList(new ListRef(id, version, Digests.sha256(yaml)), entries);
        } catch (IllegalArgumentException e) {
            throw new ListImportProblem(source, 0, "entries", e.getMessage());
        }
    }

    private record Reader(String source) {

        Announcement announcement(JsonNode node, int row) {
            var id = text(node, "id", row);
            var list = enumValue(RestrictedList.class, node, "list", row);
            var title = node.path("title");
            var measures = EnumSet.noneOf(Measure.class);
            for (var m : node.path("measures")) {
                measures.add(parse(Measure.class, m.asString(), "measures", row));
            }
            var confidence = enumValue(Confidence.class, node, "confidence", row);
            var suspensions = new ArrayList<SuspensionWindow>();
            for (var w : node.path("suspensions")) {
                var until = optionalText(w, "until");
                try {
                    suspensions.add(new SuspensionWindow(
                            date(w, "from", row), until == null ? null : date(w, "until", row), source(w, row)));
                } catch (IllegalArgumentException e) {
                    throw new ListImportProblem(source, row, "suspensions", e.getMessage());
                }
            }
            var ended = node.has("ended")
                    ? new Delisting(date(node.path("ended"), "date", row), source(node.path("ended"), row))
                    : null;
            return new Announcement(
                    id,
                    list,
                    optionalText(node, "number"),
                    new Explanation(text(title, "zh", row), text(title, "en", row)),
                    date(node, "date", row),
                    new Source(text(node, "source", row), uri(node, row), confidence),
                    measures,
                    node.has("measuresConfidence")
                            ? enumValue(Confidence.class, node, "measuresConfidence", row)
                            : confidence,
                    suspensions,
                    ended);
        }

        ListEntry entry(JsonNode node, int row, Map<String, Announcement> announcements) {
            var id = text(node, "id", row);
            var names = new ArrayList<EntryName>();
            for (var n : node.path("names")) {
                var confidence = n.has("confidence") ? enumValue(Confidence.class, n, "confidence", row) : Confidence.V;
                names.add(new EntryName(text(n, "name", row), confidence));
            }
            var listings = new ArrayList<Listing>();
            for (var l : node.path("listings")) {
                var announcement = announcements.get(l.asString());
                if (announcement == null) {
                    throw new ListImportProblem(source, row, "listings", "no announcement " + l.asString());
                }
                listings.add(Listing.under(announcement));
            }
            try {
                return new ListEntry(
                        id,
                        enumValue(EntryKind.class, node, "kind", row),
                        names,
                        listings,
                        optionalText(node, "country"));
            } catch (IllegalArgumentException e) {
                throw new ListImportProblem(source, row, "entries", e.getMessage());
            }
        }

        Source source(JsonNode node, int row) {
            return new Source(
                    text(node, "source", row), uri(node, row), enumValue(Confidence.class, node, "confidence", row));
        }

        @Nullable
        URI uri(JsonNode node, int row) {
            var url = optionalText(node, "url");
            if (url == null) {
                return null;
            }
            try {
                return URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new ListImportProblem(source, row, "url", "not a URL: " + url);
            }
        }

        String text(JsonNode node, String field, int row) {
            var value = optionalText(node, field);
            if (value == null) {
                throw new ListImportProblem(source, row, field, "missing");
            }
            return value;
        }

        @Nullable
        String optionalText(JsonNode node, String field) {
            var value = node.path(field);
            if (value.isMissingNode() || value.isNull()) {
                return null;
            }
            var text = value.asString().strip();
            return text.isEmpty() ? null : text;
        }

        LocalDate date(JsonNode node, String field, int row) {
            var text = text(node, field, row);
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new ListImportProblem(source, row, field, "not a date (YYYY-MM-DD): " + text);
            }
        }

        <E extends Enum<E>> E enumValue(Class<E> type, JsonNode node, String field, int row) {
            return parse(type, text(node, field, row), field, row);
        }

        <E extends Enum<E>> E parse(Class<E> type, String value, String field, int row) {
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                throw new ListImportProblem(
                        source, row, field, "'" + value + "' is not one of " + Set.of(type.getEnumConstants()));
            }
        }
    }
}
