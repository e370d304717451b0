package org.kaifang.applications;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kaifang.eligibility.InputProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A draft's determination request edited one wizard step at a time. Each step's section has the request's own shape
 * (company: {@code applicant}; ownership: {@code foreignEquityPercent} or {@code ownership}; services:
 * {@code services}), so a problem found in it has the same JSON pointer as in the request, and a step replaces its own
 * section only: what the other steps saved stays as it was.
 */
final class DraftRequest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** The longest legal representative's name or registered address kept. */
    static final int MAX_TEXT = 500;

    /**
     * What the wizard asks of a company beyond what the determination needs: an application form names its legal
     * representative and registered address, and the business licence gives the credit code and capital.
     */
    private static final List<String> COMPANY_REQUIRED =
            List.of("uscc", "legalRepresentative", "address", "registeredCapitalCny");

    private DraftRequest() {}

    /** A new draft's request: dated {@code today}, with what the organisation's record says of the company. */
    static String initial(LocalDate today, String name, @Nullable String uscc) {
        var request = JsonNodeFactory.instance.objectNode();
        request.put("asOf", today.toString());
        var applicant = request.putObject("applicant");
        applicant.put("name", name);
        if (uscc != null) {
            applicant.put("uscc", uscc);
        }
        return JSON.writeValueAsString(request);
    }

    /** The request as a tree; an empty object when it is not one (a draft created through the API may hold anything). */
    static ObjectNode tree(String request) {
        try {
            return JSON.readTree(request) instanceof ObjectNode node ? node : JsonNodeFactory.instance.objectNode();
        } catch (JacksonException e) {
            return JsonNodeFactory.instance.objectNode();
        }
    }

    /**
     * {@code request} with {@code step}'s section replaced by the one in {@code section}, dated {@code asOf}: the day it
     * is judged by. The company step keeps the credit lists the request declared (the wizard does not ask for them).
     */
    static String merge(String request, DraftStep step, JsonNode section, LocalDate asOf) {
        var tree = tree(request);
        tree.put("asOf", asOf.toString());
        switch (step) {
            case COMPANY -> {
                var before = tree.get("applicant");
                var applicant = section.get("applicant") == null
                        ? JsonNodeFactory.instance.nullNode()
                        : section.get("applicant").deepCopy();
                if (applicant instanceof ObjectNode a
                        && !a.has("creditStatus")
                        && before != null
                        && before.has("creditStatus")) {
                    a.set("creditStatus", before.get("creditStatus").deepCopy());
                }
                tree.set("applicant", applicant);
            }
            case OWNERSHIP -> {
                tree.remove("foreignEquityPercent");
                tree.remove("ownership");
                copy(section, tree, "foreignEquityPercent");
                copy(section, tree, "ownership");
            }
            case SERVICES -> {
                tree.remove("services");
                copy(section, tree, "services");
            }
            default -> throw new IllegalArgumentException("The " + step.slug() + " step edits no part of the request");
        }
        return JSON.writeValueAsString(tree);
    }

    /** {@code request} dated {@code asOf}. */
    static String dated(String request, LocalDate asOf) {
        var tree = tree(request);
        tree.put("asOf", asOf.toString());
        return JSON.writeValueAsString(tree);
    }

    /** The fields of {@code section} a step does not take, each a problem at its pointer. */
    static List<InputProblem> unknownFields(DraftStep step, JsonNode section, Set<String> allowedBesides) {
        var allowed = switch (step) {
            case COMPANY -> Set.of("applicant");
            case OWNERSHIP -> Set.of("foreignEquityPercent", "ownership");
            case SERVICES -> Set.of("services", "type");
            default -> Set.<String>of();
        };
        var problems = new ArrayList<InputProblem>();
        for (var name : section.propertyNames()) {
            if (!allowed.contains(name) && !allowedBesides.contains(name)) {
                problems.add(new InputProblem("/" + name, "is not part of the " + step.slug() + " step"));
            }
        }
        return problems;
    }

    /** What the wizard requires of {@code request}'s section for {@code step}, beyond what a determination needs. */
    static List<InputProblem> required(DraftStep step, String request) {
        var tree = tree(request);
        var problems = new ArrayList<InputProblem>();
        switch (step) {
            case COMPANY -> {
                var applicant = tree.get("applicant");
                if (applicant == null || !applicant.isObject()) {
                    return problems;
                }
                for (var field : COMPANY_REQUIRED) {
                    var value = applicant.get(field);
                    if (value == null
                            || value.isNull()
                            || (value.isString() && value.asString().isBlank())) {
                        problems.add(new InputProblem("/applicant/" + field, "is required"));
                    }
                }
            }
            case OWNERSHIP, SERVICES, DOCUMENTS, REVIEW -> {
                // The determination's own checks require a figure or a structure, and at least one service.
            }
        }
        return problems;
    }

    /** Whether {@code problem} (a pointer into the request) belongs to {@code step}'s section. */
    static boolean belongsTo(InputProblem problem, DraftStep step) {
        var pointer = problem.pointer();
        return switch (step) {
            case COMPANY -> pointer.startsWith("/applicant");
            case OWNERSHIP -> pointer.startsWith("/foreignEquityPercent") || pointer.startsWith("/ownership");
            case SERVICES -> pointer.startsWith("/services");
            case DOCUMENTS -> false;
            case REVIEW ->
                !(pointer.startsWith("/applicant")
                        || pointer.startsWith("/foreignEquityPercent")
                        || pointer.startsWith("/ownership")
                        || pointer.startsWith("/services"));
        };
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        var value = from.get(field);
        if (value != null && !value.isNull()) {
            to.set(field, value.deepCopy());
        }
    }
}
