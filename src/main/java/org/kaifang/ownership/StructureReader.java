package org.kaifang.ownership;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a shareholding structure from JSON or YAML (the ownership contract), reporting every problem with a JSON
 * pointer that names the field, then checks the structure itself ({@link OwnershipAnalyser#problems}).
 */
public final class StructureReader {

    static final int MAX_PARTIES = 100_000;
    private static final Set<String> STRUCTURE_FIELDS = Set.of("asOf", "parties", "holdings", "control");
    private static final Set<String> PARTY_FIELDS = Set.of("id", "name", "kind", "jurisdiction", "identifiers");
    private static final Set<String> HOLDING_FIELDS =
            Set.of("owner", "owned", "equityPercent", "equityRange", "votingPercent");
    private static final Set<String> CONTROL_FIELDS = Set.of("controller", "controlled", "kind");
    private static final Set<String> IDENTIFIERS = Set.of("uscc", "lei", "registry");

    private StructureReader() {}

    /**
     * Reads {@code node}; pointers in problems start with {@code prefix} (e.g. {@code /ownership}).
     *
     * @param allowAsOf whether an {@code asOf} field may be present (the analyses endpoint, not a determination)
     * @throws InvalidStructure listing every problem
     */
    public static OwnershipStructure read(@Nullable JsonNode node, String prefix, boolean allowAsOf) {
        var problems = new ArrayList<StructureProblem>();
        if (node == null || !node.isObject()) {
            throw new InvalidStructure(
                    List.of(new StructureProblem(prefix, "must be an object with parties and holdings")));
        }
        for (var name : node.propertyNames()) {
            if (!STRUCTURE_FIELDS.contains(name) || (!allowAsOf && name.equals("asOf"))) {
                problems.add(new StructureProblem(
                        prefix + "/" + name,
                        name.equals("asOf")
                                ? "give asOf once, at the top of the determination request"
                                : "unknown field"));
            }
        }
        var parties = new ArrayList<Party>();
        var partyNodes = list(node, "parties", prefix, true, problems);
        for (int i = 0; i < partyNodes.size(); i++) {
            var p = partyNodes.get(i);
            var path = prefix + "/parties/" + i;
            if (!p.isObject()) {
                problems.add(new StructureProblem(path, "must be an object"));
                continue;
            }
            unknown(p, path, PARTY_FIELDS, problems);
            var id = text(p, path, "id", true, problems);
            var name = text(p, path, "name", true, problems);
            var kindText = text(p, path, "kind", true, problems);
            var jurisdiction = text(p, path, "jurisdiction", true, problems);
            PartyKind kind = null;
            if (kindText != null) {
                try {
                    kind = PartyKind.valueOf(kindText);
                } catch (IllegalArgumentException e) {
                    problems.add(new StructureProblem(path + "/kind", "must be COMPANY, PERSON, STATE or FUND"));
                }
            }
            var identifiers = new LinkedHashMap<String, String>();
            var idNode = p.get("identifiers");
            if (idNode != null && !idNode.isNull()) {
                if (!idNode.isObject()) {
                    problems.add(new StructureProblem(path + "/identifiers", "must be an object: uscc, lei, registry"));
                } else {
                    for (var key : idNode.propertyNames()) {
                        var value = idNode.get(key);
                        if (!IDENTIFIERS.contains(key)) {
                            problems.add(new StructureProblem(
                                    path + "/identifiers/" + key, "unknown identifier: use uscc, lei or registry"));
                        } else if (!value.isString() || value.asString().isBlank()) {
                            problems.add(
                                    new StructureProblem(path + "/identifiers/" + key, "must be a non-blank string"));
                        } else {
                            identifiers.put(key, value.asString().strip());
                        }
                    }
                }
            }
            if (id != null && name != null && kind != null && jurisdiction != null) {
                parties.add(new Party(id, name, kind, jurisdiction.toUpperCase(Locale.ROOT), identifiers));
            }
        }
        var holdings = new ArrayList<Holding>();
        var holdingNodes = list(node, "holdings", prefix, true, problems);
        for (int i = 0; i < holdingNodes.size(); i++) {
            var h = holdingNodes.get(i);
            var path = prefix + "/holdings/" + i;
            if (!h.isObject()) {
                problems.add(new StructureProblem(path, "must be an object"));
                continue;
            }
            unknown(h, path, HOLDING_FIELDS, problems);
            var owner = text(h, path, "owner", true, problems);
            var owned = text(h, path, "owned", true, problems);
            var equity = equity(h, path, problems);
            Share voting = null;
            var votingNode = h.get("votingPercent");
            if (votingNode != null && !votingNode.isNull()) {
                var v = percent(votingNode, path + "/votingPercent", problems);
                voting = v == null ? null : Share.exactly(v);
            }
            if (owner != null && owned != null && equity != null) {
                holdings.add(new Holding(owner, owned, equity, voting));
            }
        }
        var control = new ArrayList<ControlFact>();
        var controlNodes = list(node, "control", prefix, false, problems);
        for (int i = 0; i < controlNodes.size(); i++) {
            var c = controlNodes.get(i);
            var path = prefix + "/control/" + i;
            if (!c.isObject()) {
                problems.add(new StructureProblem(path, "must be an object"));
                continue;
            }
            unknown(c, path, CONTROL_FIELDS, problems);
            var controller = text(c, path, "controller", true, problems);
            var controlled = text(c, path, "controlled", true, problems);
            var kindText = text(c, path, "kind", true, problems);
            ControlKind kind = null;
            if (kindText != null) {
                try {
                    kind = ControlKind.valueOf(kindText);
                } catch (IllegalArgumentException e) {
                    problems.add(new StructureProblem(
                            path + "/kind", "must be CONTRACTUAL, BOARD_MAJORITY or GOLDEN_SHARE"));
                }
            }
            if (controller != null && controlled != null && kind != null) {
                control.add(new ControlFact(controller, controlled, kind));
            }
        }
        if (parties.size() > MAX_PARTIES) {
            problems.add(new StructureProblem(prefix + "/parties", "may hold at most " + MAX_PARTIES + " parties"));
        }
        if (problems.isEmpty()) {
            var structure = new OwnershipStructure(parties, holdings, control);
            OwnershipAnalyser.problems(structure)
                    .forEach(p -> problems.add(new StructureProblem(prefix + p.pointer(), p.message())));
            if (problems.isEmpty()) {
                return structure;
            }
        }
        throw new InvalidStructure(problems);
    }

    private static List<JsonNode> list(
            JsonNode node, String field, String prefix, boolean required, List<StructureProblem> problems) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(new StructureProblem(prefix + "/" + field, "is required"));
            }
            return List.of();
        }
        if (!value.isArray()) {
            problems.add(new StructureProblem(prefix + "/" + field, "must be a list"));
            return List.of();
        }
        if (value.size() > MAX_PARTIES * 4) {
            problems.add(new StructureProblem(prefix + "/" + field, "is too long"));
            return List.of();
        }
        var result = new ArrayList<JsonNode>(value.size());
        value.forEach(result::add);
        return result;
    }

    private static void unknown(JsonNode node, String path, Set<String> known, List<StructureProblem> problems) {
        for (var name : node.propertyNames()) {
            if (!known.contains(name)) {
                problems.add(new StructureProblem(
                        path + "/" + name.replace("~", "~0").replace("/", "~1"), "unknown field"));
            }
        }
    }

    private static @Nullable Share equity(JsonNode h, String path, List<StructureProblem> problems) {
        var point = h.get("equityPercent");
        var range = h.get("equityRange");
        var hasPoint = point != null && !point.isNull();
        var hasRange = range != null && !range.isNull();
        if (hasPoint == hasRange) {
            problems.add(new StructureProblem(
                    path + "/equityPercent", "give either equityPercent or equityRange [min, max]"));
            return null;
        }
        if (hasPoint) {
            var value = percent(point, path + "/equityPercent", problems);
            return value == null ? null : Share.exactly(value);
        }
        if (!range.isArray() || range.size() != 2) {
            problems.add(new StructureProblem(path + "/equityRange", "must be [min, max] in per cent"));
            return null;
        }
        var low = percent(range.get(0), path + "/equityRange/0", problems);
        var high = percent(range.get(1), path + "/equityRange/1", problems);
        if (low == null || high == null) {
            return null;
        }
        if (low > high) {
            problems.add(new StructureProblem(path + "/equityRange", "min must not exceed max"));
            return null;
        }
        return new Share(low, high);
    }

    /** A per-cent value 0–100 as a fraction, or {@code null} with a problem. */
    private static @Nullable Double percent(JsonNode node, String path, List<StructureProblem> problems) {
        if (!node.isNumber()) {
            problems.add(new StructureProblem(path, "must be a number from 0 to 100"));
            return null;
        }
        BigDecimal value;
        try {
            value = node.decimalValue();
        } catch (RuntimeException e) {
            problems.add(new StructureProblem(path, "must be a finite number from 0 to 100"));
            return null;
        }
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
            problems.add(new StructureProblem(path, "must be from 0 to 100, not " + value.toEngineeringString()));
            return null;
        }
        return value.doubleValue() / 100;
    }

    private static @Nullable String text(
            JsonNode node, String path, String field, boolean required, List<StructureProblem> problems) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problems.add(new StructureProblem(path + "/" + field, "is required"));
            }
            return null;
        }
        if (!value.isString() || value.asString().isBlank()) {
            problems.add(new StructureProblem(path + "/" + field, "must be a non-blank string"));
            return null;
        }
        if (value.asString().length() > 500) {
            problems.add(new StructureProblem(path + "/" + field, "may have at most 500 characters"));
            return null;
        }
        return value.asString().strip();
    }
}
