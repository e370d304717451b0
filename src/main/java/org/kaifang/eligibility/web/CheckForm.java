package org.kaifang.eligibility.web;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The {@code /check} form as submitted, every field kept as typed so it can be shown again with its errors.
 *
 * @param coverage {@code CN} for nationwide, or {@code PROVINCES} to use {@code provinces}
 * @param services selected {@code CODE/ITEM} keys (or bare codes for services without items)
 * @param facilities division codes separated by commas or spaces
 * @param ownership a shareholding structure in JSON or YAML, given instead of {@code equity}
 */
public record CheckForm(
        @Nullable String asOf,
        @Nullable String name,
        @Nullable String uscc,
        @Nullable String seat,
        @Nullable List<String> zones,
        @Nullable String capital,
        @Nullable List<String> credit,
        @Nullable String equity,
        @Nullable List<String> services,
        @Nullable String coverage,
        @Nullable List<String> provinces,
        @Nullable String facilities,
        @Nullable List<String> content,
        @Nullable String ownership) {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    static CheckForm empty(String today) {
        return new CheckForm(
                today, "", "", "", List.of(), "", List.of(), "", List.of(), "CN", List.of(), "", List.of(), "");
    }

    public List<String> zoneList() {
        return zones == null ? List.of() : zones;
    }

    public List<String> creditList() {
        return credit == null ? List.of() : credit;
    }

    public List<String> serviceList() {
        return services == null ? List.of() : services;
    }

    public List<String> provinceList() {
        return provinces == null ? List.of() : provinces;
    }

    public List<String> contentList() {
        return content == null ? List.of() : content;
    }

    public String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    public boolean nationwide() {
        return coverage == null || !coverage.equals("PROVINCES");
    }

    boolean hasEquity() {
        return equity != null && !equity.isBlank();
    }

    boolean hasOwnership() {
        return ownership != null && !ownership.isBlank();
    }

    /**
     * The structure as a tree: JSON when it looks like JSON (YAML would reject tab indentation), YAML otherwise.
     *
     * @throws tools.jackson.core.JacksonException when it is neither
     */
    @Nullable
    JsonNode ownershipTree() {
        if (!hasOwnership()) {
            return null;
        }
        var text = ownership.strip();
        return text.startsWith("{") ? JSON.readTree(text) : YAML.readTree(ownership);
    }

    /** The contract request this form describes; values that do not parse are passed on as text to be reported. */
    ObjectNode toRequest() {
        return toRequest(null);
    }

    /** As {@link #toRequest()}, with {@code structure} as the request's {@code ownership} when it is given. */
    ObjectNode toRequest(@Nullable JsonNode structure) {
        var nodes = JsonNodeFactory.instance;
        var request = nodes.objectNode();
        putText(request, "asOf", asOf);
        var applicant = request.putObject("applicant");
        putText(applicant, "name", name);
        if (uscc != null && !uscc.isBlank()) {
            applicant.put("uscc", uscc.strip().toUpperCase(java.util.Locale.ROOT));
        }
        putText(applicant, "seat", seat == null ? null : seat.strip().split("\\s+")[0]);
        var zonesNode = applicant.putArray("zones");
        zoneList().forEach(zonesNode::add);
        if (capital != null && !capital.isBlank()) {
            putNumber(
                    applicant, "registeredCapitalCny", capital.replace(",", "").replace("，", ""));
        }
        var creditNode = applicant.putArray("creditStatus");
        creditList().forEach(creditNode::add);
        if (equity != null && !equity.isBlank()) {
            putNumber(request, "foreignEquityPercent", equity.replace("%", ""));
        }
        if (structure != null) {
            request.set("ownership", structure);
        }
        var servicesNode = request.putArray("services");
        for (var key : serviceList()) {
            var service = servicesNode.addObject();
            var slash = key.indexOf('/');
            service.put("code", slash < 0 ? key : key.substring(0, slash));
            if (slash >= 0) {
                service.put("item", key.substring(slash + 1));
            }
            var coverageNode = service.putArray("coverage");
            if (nationwide()) {
                coverageNode.add("CN");
            } else {
                provinceList().forEach(coverageNode::add);
            }
            var facilitiesNode = service.putArray("facilities");
            if (facilities != null) {
                for (var code : facilities.split("[\\s,，、;；]+")) {
                    if (!code.isBlank()) {
                        facilitiesNode.add(code.strip());
                    }
                }
            }
            if (key.startsWith("B25")) {
                var contentNode = service.putArray("content");
                contentList().forEach(contentNode::add);
            }
        }
        return request;
    }

    private static void putText(ObjectNode node, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value.strip());
        }
    }

    private static void putNumber(ObjectNode node, String field, String value) {
        try {
            node.put(field, new BigDecimal(value.strip()));
        } catch (NumberFormatException e) {
            node.put(field, value.strip());
        }
    }
}
