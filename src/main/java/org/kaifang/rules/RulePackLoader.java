package org.kaifang.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads a rule pack from a directory or from the classpath, validates it completely, and computes its content digest.
 * A pack with any defect is rejected as a whole, listing every defect.
 */
public final class RulePackLoader {

    /** The files whose content decides determinations, in digest order. Examples and the changelog are not among them. */
    static final List<String> CONTENT_FILES = List.of(
            "pack.yaml",
            "instruments.yaml",
            "catalogue.yaml",
            "divisions.yaml",
            "areas.yaml",
            "parameters.yaml",
            "messages.yaml");

    private static final Pattern SEMVER =
            Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?");
    private static final YAMLMapper YAML = new YAMLMapper();

    private RulePackLoader() {}

    /** Loads the pack in {@code directory}. */
    public static RulePack fromDirectory(Path directory) {
        return load(new PackSource.Directory(directory));
    }

    /** Loads the pack bundled with Kaifang under {@code rules/<id>/} on the classpath. */
    public static RulePack fromClasspath(String id) {
        return load(new PackSource.Classpath("rules/" + id + "/"));
    }

    static RulePack load(PackSource source) {
        var problems = new ArrayList<RulePackProblem>();
        var trees = new HashMap<String, JsonNode>();
        var digest = sha256();
        for (var file : CONTENT_FILES) {
            var bytes = source.read(file);
            if (bytes.isEmpty()) {
                problems.add(new RulePackProblem(file, "", "file is missing"));
                continue;
            }
            var normalised = new String(bytes.get(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            digest.update((file + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(normalised.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            try {
                var tree = YAML.readTree(normalised);
                if (tree == null || !tree.isObject()) {
                    problems.add(new RulePackProblem(file, "", "must hold a YAML mapping"));
                } else {
                    trees.put(file, tree);
                }
            } catch (JacksonException e) {
                problems.add(new RulePackProblem(file, "", "is not valid YAML: " + e.getOriginalMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RulePackRejected(source.name(), problems);
        }
        var builder = new Builder(trees, problems);
        var packFile = new PackReader("pack.yaml", problems);
        var packTree = trees.get("pack.yaml");
        var id = packFile.text(packTree, "", "id");
        var version = packFile.text(packTree, "", "version");
        if (version != null && !SEMVER.matcher(version).matches()) {
            packFile.problem("/version", "must be a semantic version (MAJOR.MINOR.PATCH), not '" + version + "'");
        }
        var title = packFile.bilingual(packTree, "", "title");
        var coverageFrom = packFile.date(packTree, "", "coverageFrom");
        checkChangelog(source, version, problems);

        var instruments = builder.instruments();
        var catalogue = builder.catalogue(instruments);
        var divisions = builder.divisions();
        var zones = builder.zones(instruments, divisions);
        var areas = builder.areas(instruments, divisions, zones);
        var parameters = builder.parameters(instruments);
        var messages = builder.messages();
        if (!problems.isEmpty() || id == null || version == null || title == null || coverageFrom == null) {
            throw new RulePackRejected(id == null ? source.name() : id, problems);
        }
        var ref = new RulePackRef(id, version, "sha256:" + HexFormat.of().formatHex(digest.digest()));
        return new RulePack(
                ref,
                title,
                coverageFrom,
                instruments,
                new ServiceCatalogue(catalogue),
                divisions,
                areas,
                zones,
                parameters,
                messages);
    }

    private static void checkChangelog(PackSource source, @Nullable String version, List<RulePackProblem> problems) {
        var changelog = source.read("CHANGELOG.md");
        if (changelog.isEmpty()) {
            problems.add(new RulePackProblem("CHANGELOG.md", "", "file is missing"));
            return;
        }
        if (version == null) {
            return;
        }
        var text = new String(changelog.get(), StandardCharsets.UTF_8);
        var heading = Pattern.compile("(?m)^## \\[?" + Pattern.quote(version) + "\\]?.*$")
                .matcher(text);
        if (!heading.find()) {
            problems.add(new RulePackProblem(
                    "CHANGELOG.md", "", "has no entry '## " + version + "' for the pack's version"));
            return;
        }
        var next = text.indexOf("\n## ", heading.end());
        var section = text.substring(heading.end(), next < 0 ? text.length() : next);
        if (!section.contains("Impacted periods") || !section.contains("Impacted rules")) {
            problems.add(new RulePackProblem(
                    "CHANGELOG.md",
                    "",
                    "the entry for " + version + " must state 'Impacted periods' and 'Impacted rules'"));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** Where a pack's files come from. */
    sealed interface PackSource {

        String name();

        Optional<byte[]> read(String file);

        record Directory(Path directory) implements PackSource {
            @Override
            public String name() {
                return directory.toString();
            }

            @Override
            public Optional<byte[]> read(String file) {
                var path = directory.resolve(file);
                if (!Files.isRegularFile(path)) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(Files.readAllBytes(path));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        record Classpath(String prefix) implements PackSource {
            @Override
            public String name() {
                return "classpath:" + prefix;
            }

            @Override
            public Optional<byte[]> read(String file) {
                try (InputStream in = RulePackLoader.class.getClassLoader().getResourceAsStream(prefix + file)) {
                    return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** Builds the pack's parts from the parsed files, collecting problems. */
    private static final class Builder {

        private final Map<String, JsonNode> trees;
        private final List<RulePackProblem> problems;

        Builder(Map<String, JsonNode> trees, List<RulePackProblem> problems) {
            this.trees = trees;
            this.problems = problems;
        }

        private JsonNode list(String file, String field, PackReader reader) {
            var node = trees.get(file).get(field);
            if (node == null || !node.isArray()) {
                reader.problem("/" + field, "must be a list");
                return YAML.createArrayNode();
            }
            return node;
        }

        Map<String, Instrument> instruments() {
            var reader = new PackReader("instruments.yaml", problems);
            var result = new LinkedHashMap<String, Instrument>();
            var list = list("instruments.yaml", "instruments", reader);
            for (int i = 0; i < list.size(); i++) {
                var node = list.get(i);
                var path = "/instruments/" + i;
                var id = reader.text(node, path, "id");
                var title = reader.bilingual(node, path, "title");
                var number = reader.optionalText(node, path, "number");
                var dated = reader.optionalDate(node, path, "dated");
                var from = reader.date(node, path, "effectiveFrom");
                var to = reader.optionalDate(node, path, "effectiveTo");
                var url = reader.optionalText(node, path, "url");
                var confidence = reader.confidence(node, path, "confidence");
                if (from != null && to != null && to.isBefore(from)) {
                    reader.problem(path + "/effectiveTo", "is before effectiveFrom");
                }
                if (id != null && result.containsKey(id)) {
                    reader.problem(path + "/id", "duplicate instrument id " + id);
                }
                if (id != null && title != null && from != null && confidence != null) {
                    result.put(id, new Instrument(id, title, number, dated, from, to, url, confidence));
                }
            }
            return result;
        }

        private @Nullable Citation citation(
                PackReader reader, JsonNode parent, String path, Map<String, Instrument> instruments) {
            var node = parent.get("cite");
            if (node == null || !node.isObject()) {
                reader.problem(path + "/cite", "every value needs a citation: {instrument, article}");
                return null;
            }
            var instrumentId = reader.text(node, path + "/cite", "instrument");
            var article = reader.optionalText(node, path + "/cite", "article");
            var url = reader.optionalText(node, path + "/cite", "url");
            if (instrumentId == null) {
                return null;
            }
            var instrument = instruments.get(instrumentId);
            if (instrument == null) {
                reader.problem(path + "/cite/instrument", "no instrument '" + instrumentId + "' in instruments.yaml");
                return null;
            }
            var citation = instrument.cite(article);
            return url == null ? citation : new Citation(citation.instrument(), citation.document(), article, url);
        }

        List<ServiceCategory> catalogue(Map<String, Instrument> instruments) {
            var reader = new PackReader("catalogue.yaml", problems);
            var result = new ArrayList<ServiceCategory>();
            var seen = new HashMap<String, String>();
            var list = list("catalogue.yaml", "services", reader);
            for (int i = 0; i < list.size(); i++) {
                var node = list.get(i);
                var path = "/services/" + i;
                var code = reader.text(node, path, "code");
                var name = reader.bilingual(node, path, "name");
                var kindText = reader.text(node, path, "kind");
                ServiceKind kind = null;
                if (kindText != null) {
                    try {
                        kind = ServiceKind.valueOf(kindText);
                    } catch (IllegalArgumentException e) {
                        reader.problem(path + "/kind", "must be BASIC or VALUE_ADDED");
                    }
                }
                var from = reader.date(node, path, "from");
                var to = reader.optionalDate(node, path, "to");
                var citation = citation(reader, node, path, instruments);
                var confidence = reader.confidence(node, path, "confidence");
                var items = new ArrayList<ServiceItem>();
                var itemNodes = node.get("items");
                if (itemNodes != null && itemNodes.isArray()) {
                    for (int j = 0; j < itemNodes.size(); j++) {
                        var itemPath = path + "/items/" + j;
                        var itemCode = reader.text(itemNodes.get(j), itemPath, "code");
                        var itemName = reader.bilingual(itemNodes.get(j), itemPath, "name");
                        if (itemCode != null
                                && items.stream().anyMatch(it -> it.code().equals(itemCode))) {
                            reader.problem(itemPath + "/code", "duplicate item " + itemCode);
                        } else if (itemCode != null && itemName != null) {
                            items.add(new ServiceItem(itemCode, itemName));
                        }
                    }
                }
                if (code != null && seen.put(code, path) != null) {
                    reader.problem(path + "/code", "duplicate service code " + code);
                }
                if (code != null
                        && name != null
                        && kind != null
                        && from != null
                        && citation != null
                        && confidence != null) {
                    result.add(new ServiceCategory(code, name, kind, items, from, to, citation, confidence));
                }
            }
            return result;
        }

        Divisions divisions() {
            var reader = new PackReader("divisions.yaml", problems);
            var root = trees.get("divisions.yaml");
            var provinces = new ArrayList<Division>();
            var list = list("divisions.yaml", "provinces", reader);
            var codes = new HashMap<String, String>();
            for (int i = 0; i < list.size(); i++) {
                var division = division(reader, list.get(i), "/provinces/" + i, null);
                if (division != null) {
                    if (!division.code().endsWith("0000")) {
                        reader.problem("/provinces/" + i + "/code", "a province-level code ends in 0000");
                    } else if (codes.put(division.code(), "") != null) {
                        reader.problem("/provinces/" + i + "/code", "duplicate division " + division.code());
                    } else {
                        provinces.add(division);
                    }
                }
            }
            var detailedNode = root.get("detailed");
            var detailed = new ArrayList<Division>();
            var prefixes = List.<String>of();
            if (detailedNode == null || !detailedNode.isObject()) {
                reader.problem("/detailed", "must be an object with prefixes and divisions");
            } else {
                prefixes = reader.strings(detailedNode, "/detailed", "prefixes");
                var divisions = detailedNode.get("divisions");
                if (divisions == null || !divisions.isArray()) {
                    reader.problem("/detailed/divisions", "must be a list");
                } else {
                    for (int i = 0; i < divisions.size(); i++) {
                        var path = "/detailed/divisions/" + i;
                        var division = division(reader, divisions.get(i), path, provinces);
                        if (division == null) {
                            continue;
                        }
                        if (codes.put(division.code(), "") != null) {
                            reader.problem(path + "/code", "duplicate division " + division.code());
                        } else if (prefixes.stream().noneMatch(division.code()::startsWith)) {
                            reader.problem(path + "/code", "lies under none of the detailed prefixes");
                        } else {
                            detailed.add(division);
                        }
                    }
                }
            }
            return new Divisions(provinces, detailed, prefixes);
        }

        private @Nullable Division division(
                PackReader reader, JsonNode node, String path, @Nullable List<Division> provinces) {
            var code = reader.text(node, path, "code");
            var zh = reader.text(node, path, "zh");
            var en = reader.text(node, path, "en");
            if (code == null || zh == null || en == null) {
                return null;
            }
            if (!code.matches("\\d{6}")) {
                reader.problem(path + "/code", "must be six digits");
                return null;
            }
            var level = code.endsWith("0000")
                    ? Division.Level.PROVINCE
                    : code.endsWith("00") ? Division.Level.PREFECTURE : Division.Level.COUNTY;
            var mainland = true;
            if (provinces == null) {
                var flag = node.get("mainland");
                mainland = flag == null || flag.asBoolean(true);
            } else {
                var province = provinces.stream()
                        .filter(p -> p.code().equals(code.substring(0, 2) + "0000"))
                        .findFirst();
                if (province.isEmpty()) {
                    reader.problem(path + "/code", "no province-level division for " + code);
                    return null;
                }
                mainland = province.get().mainland();
            }
            return new Division(code, new Bilingual(zh, en), level, mainland, true);
        }

        Map<String, Zone> zones(Map<String, Instrument> instruments, Divisions divisions) {
            var reader = new PackReader("areas.yaml", problems);
            var result = new LinkedHashMap<String, Zone>();
            var list = list("areas.yaml", "zones", reader);
            for (int i = 0; i < list.size(); i++) {
                var node = list.get(i);
                var path = "/zones/" + i;
                var id = reader.text(node, path, "id");
                var name = reader.bilingual(node, path, "name");
                var zoneDivisions = reader.strings(node, path, "divisions");
                checkDivisions(reader, divisions, zoneDivisions, path + "/divisions");
                var implies = reader.strings(node, path, "implies");
                var citation = citation(reader, node, path, instruments);
                var confidence = reader.confidence(node, path, "confidence");
                if (id != null && result.containsKey(id)) {
                    reader.problem(path + "/id", "duplicate zone " + id);
                }
                if (id != null && name != null && citation != null && confidence != null) {
                    result.put(id, new Zone(id, name, zoneDivisions, implies, citation, confidence));
                }
            }
            for (var zone : result.values()) {
                for (var implied : zone.implies()) {
                    if (!result.containsKey(implied)) {
                        reader.problem("/zones", "zone " + zone.id() + " implies unknown zone " + implied);
                    }
                }
            }
            return result;
        }

        private void checkDivisions(PackReader reader, Divisions divisions, List<String> codes, String path) {
            for (int i = 0; i < codes.size(); i++) {
                if (divisions.lookup(codes.get(i)) instanceof Divisions.Lookup.Unknown(var reason)) {
                    reader.problem(path + "/" + i, "'" + codes.get(i) + "': " + reason);
                }
            }
        }

        List<Area> areas(Map<String, Instrument> instruments, Divisions divisions, Map<String, Zone> zones) {
            var reader = new PackReader("areas.yaml", problems);
            var result = new ArrayList<Area>();
            var list = list("areas.yaml", "areas", reader);
            for (int i = 0; i < list.size(); i++) {
                var node = list.get(i);
                var path = "/areas/" + i;
                var id = reader.text(node, path, "id");
                var name = reader.bilingual(node, path, "name");
                var kindText = reader.text(node, path, "kind");
                AreaKind kind = null;
                if (kindText != null) {
                    try {
                        kind = AreaKind.valueOf(kindText);
                    } catch (IllegalArgumentException e) {
                        reader.problem(path + "/kind", "must be VAS_PILOT, FREE_TRADE_PORT or FREE_TRADE_ZONE");
                    }
                }
                var inside = reader.strings(node, path, "divisions");
                var partly = reader.strings(node, path, "partly");
                var excluding = reader.strings(node, path, "excluding");
                checkDivisions(reader, divisions, inside, path + "/divisions");
                checkDivisions(reader, divisions, partly, path + "/partly");
                checkDivisions(reader, divisions, excluding, path + "/excluding");
                var areaZones = reader.strings(node, path, "zones");
                for (int z = 0; z < areaZones.size(); z++) {
                    if (!zones.containsKey(areaZones.get(z))) {
                        reader.problem(path + "/zones/" + z, "unknown zone " + areaZones.get(z));
                    }
                }
                var extent = node.get("extent");
                Confidence extentConfidence = null;
                Bilingual extentNote = null;
                if (extent == null || !extent.isObject()) {
                    reader.problem(path + "/extent", "must state {confidence, note} for the area's extent");
                } else {
                    extentConfidence = reader.confidence(extent, path + "/extent", "confidence");
                    extentNote = reader.bilingual(extent, path + "/extent", "note");
                }
                var citation = citation(reader, node, path, instruments);
                var announced = reader.optionalDate(node, path, "announced");
                var from = reader.date(node, path, "from");
                var to = reader.optionalDate(node, path, "to");
                if (id != null && result.stream().anyMatch(a -> a.id().equals(id))) {
                    reader.problem(path + "/id", "duplicate area " + id);
                }
                if (id != null
                        && name != null
                        && kind != null
                        && extentConfidence != null
                        && extentNote != null
                        && citation != null
                        && from != null) {
                    result.add(new Area(
                            id,
                            name,
                            kind,
                            inside,
                            partly,
                            excluding,
                            areaZones,
                            extentConfidence,
                            extentNote,
                            citation,
                            announced,
                            from,
                            to));
                }
            }
            return result;
        }

        Map<String, Parameter> parameters(Map<String, Instrument> instruments) {
            var reader = new PackReader("parameters.yaml", problems);
            var root = trees.get("parameters.yaml").get("parameters");
            var result = new LinkedHashMap<String, Parameter>();
            if (root == null || !root.isObject()) {
                reader.problem("/parameters", "must be a mapping of parameter keys");
                return result;
            }
            for (var key : root.propertyNames()) {
                var node = root.get(key);
                var path = "/parameters/" + key;
                var description = reader.bilingual(node, path, "description");
                var unit = reader.optionalText(node, path, "unit");
                var valuesNode = node.get("values");
                var values = new ArrayList<DatedValue>();
                if (valuesNode == null || !valuesNode.isArray() || valuesNode.isEmpty()) {
                    reader.problem(path + "/values", "must be a non-empty list of dated values");
                } else {
                    for (int i = 0; i < valuesNode.size(); i++) {
                        var valuePath = path + "/values/" + i;
                        var v = valuesNode.get(i);
                        var from = reader.date(v, valuePath, "from");
                        var to = reader.optionalDate(v, valuePath, "to");
                        var value = reader.value(v.get("value"), valuePath + "/value");
                        var citation = citation(reader, v, valuePath, instruments);
                        var confidence = reader.confidence(v, valuePath, "confidence");
                        var note = v.has("note") ? reader.bilingual(v, valuePath, "note") : null;
                        if (from != null && to != null && to.isBefore(from)) {
                            reader.problem(valuePath + "/to", "is before 'from'");
                        }
                        if (from != null && value != null && citation != null && confidence != null) {
                            values.add(new DatedValue(from, to, value, citation, confidence, note));
                        }
                    }
                }
                values.sort(Comparator.comparing(DatedValue::from));
                for (int i = 1; i < values.size(); i++) {
                    var previous = values.get(i - 1);
                    if (previous.to() == null
                            || !previous.to().isBefore(values.get(i).from())) {
                        reader.problem(
                                path + "/values",
                                "periods overlap at " + values.get(i).from());
                    }
                }
                if (description != null) {
                    result.put(key, new Parameter(key, description, unit, values));
                }
            }
            return result;
        }

        Map<String, Bilingual> messages() {
            var reader = new PackReader("messages.yaml", problems);
            var root = trees.get("messages.yaml").get("messages");
            var result = new LinkedHashMap<String, Bilingual>();
            if (root == null || !root.isObject()) {
                reader.problem("/messages", "must be a mapping of message keys");
                return result;
            }
            for (var key : root.propertyNames()) {
                var message = reader.bilingual(root, "/messages", key);
                if (message != null) {
                    result.put(key, message);
                }
            }
            return result;
        }
    }
}
