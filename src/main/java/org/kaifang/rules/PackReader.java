package org.kaifang.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Reads typed values from one YAML file of a rule pack, recording every defect instead of stopping at the first. */
final class PackReader {

    private final String file;
    private final List<RulePackProblem> problems;

    PackReader(String file, List<RulePackProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    void problem(String path, String message) {
        problems.add(new RulePackProblem(file, path, message));
    }

    @Nullable
    String text(JsonNode parent, String path, String field) {
        var node = parent.get(field);
        if (node == null || node.isNull()) {
            problem(path + "/" + field, "is required");
            return null;
        }
        if (!node.isValueNode() || node.isBoolean()) {
            problem(path + "/" + field, "must be a text");
            return null;
        }
        var value = node.asString().strip();
        if (value.isEmpty()) {
            problem(path + "/" + field, "must not be blank");
            return null;
        }
        return value;
    }

    @Nullable
    String optionalText(JsonNode parent, String path, String field) {
        var node = parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        return text(parent, path, field);
    }

    @Nullable
    LocalDate date(JsonNode parent, String path, String field) {
        var value = text(parent, path, field);
        return value == null ? null : parseDate(value, path + "/" + field);
    }

    @Nullable
    LocalDate optionalDate(JsonNode parent, String path, String field) {
        var value = optionalText(parent, path, field);
        return value == null ? null : parseDate(value, path + "/" + field);
    }

    private @Nullable LocalDate parseDate(String value, String path) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problem(path, "must be an ISO date (YYYY-MM-DD), not '" + value + "'");
            return null;
        }
    }

    @Nullable
    Bilingual bilingual(JsonNode parent, String path, String field) {
        var node = parent.get(field);
        if (node == null || !node.isObject()) {
            problem(path + "/" + field, "must be an object with 'zh' and 'en' texts");
            return null;
        }
        for (var key : node.propertyNames()) {
            if (!key.equals("zh") && !key.equals("en")) {
                problem(
                        path + "/" + field + "/" + key,
                        "unexpected key in a bilingual text (quote texts that contain commas)");
            }
        }
        var zh = text(node, path + "/" + field, "zh");
        var en = text(node, path + "/" + field, "en");
        return zh == null || en == null ? null : new Bilingual(zh, en);
    }

    @Nullable
    Confidence confidence(JsonNode parent, String path, String field) {
        var value = text(parent, path, field);
        if (value == null) {
            return null;
        }
        try {
            return Confidence.valueOf(value);
        } catch (IllegalArgumentException e) {
            problem(path + "/" + field, "must be one of V, S, I, M, not '" + value + "'");
            return null;
        }
    }

    List<String> strings(JsonNode parent, String path, String field) {
        var node = parent.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problem(path + "/" + field, "must be a list");
            return List.of();
        }
        var values = new ArrayList<String>();
        for (int i = 0; i < node.size(); i++) {
            var element = node.get(i);
            if (!element.isValueNode() || element.asString().isBlank()) {
                problem(path + "/" + field + "/" + i, "must be a non-blank text");
            } else {
                values.add(element.asString().strip());
            }
        }
        return values;
    }

    /** Converts a YAML value into the plain Java types a {@link DatedValue} holds. */
    @Nullable
    Object value(@Nullable JsonNode node, String path) {
        if (node == null || node.isNull()) {
            problem(path, "is required");
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isString()) {
            var text = node.asString();
            if (text.matches("-?\\d+(\\.\\d+)?")) {
                return new BigDecimal(text);
            }
            return text;
        }
        if (node.isArray()) {
            var list = new ArrayList<String>();
            for (int i = 0; i < node.size(); i++) {
                if (!node.get(i).isValueNode()) {
                    problem(path + "/" + i, "list values must be texts");
                } else {
                    list.add(node.get(i).asString());
                }
            }
            return List.copyOf(list);
        }
        var map = new LinkedHashMap<String, Object>();
        for (var name : node.propertyNames()) {
            var v = value(node.get(name), path + "/" + name);
            if (v != null) {
                map.put(name, v);
            }
        }
        return Map.copyOf(map);
    }
}
