package org.kaifang.applications.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A wizard step's form as typed, so it can be shown again with its errors; read from the draft's request to show what
 * was saved, and turned into the step's section of the request to save it. Values that do not parse are passed on as
 * text, for the determination's checks to report at their field.
 */
public record WizardForm(
        @Nullable String name,
        @Nullable String uscc,
        @Nullable String seat,
        @Nullable List<String> zones,
        @Nullable String capital,
        @Nullable String legalRepresentative,
        @Nullable String address,
        @Nullable String equity,
        @Nullable String structure,
        @Nullable String type,
        @Nullable List<String> services,
        @Nullable String coverage,
        @Nullable List<String> provinces,
        @Nullable String facilities) {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** The form showing what the draft's request holds. */
    static WizardForm of(JsonNode request, String type) {
        var applicant = request.path("applicant");
        var zones = new ArrayList<String>();
        applicant.path("zones").forEach(z -> zones.add(z.asString("")));
        var services = new ArrayList<String>();
        var provinces = new ArrayList<String>();
        var facilities = new ArrayList<String>();
        var nationwide = true;
        for (var service : request.path("services")) {
            var code = service.path("code").asString("");
            var item = service.path("item");
            services.add(item.isString() ? code + "/" + item.asString() : code);
            for (var c : service.path("coverage")) {
                if (!"CN".equals(c.asString(""))) {
                    nationwide = false;
                    if (!provinces.contains(c.asString(""))) {
                        provinces.add(c.asString(""));
                    }
                }
            }
            for (var f : service.path("facilities")) {
                if (!facilities.contains(f.asString(""))) {
                    facilities.add(f.asString(""));
                }
            }
        }
        var equity = request.path("foreignEquityPercent");
        var ownership = request.get("ownership");
        return new WizardForm(
                text(applicant.get("name")),
                text(applicant.get("uscc")),
                text(applicant.get("seat")),
                zones,
                number(applicant.get("registeredCapitalCny")),
                text(applicant.get("legalRepresentative")),
                text(applicant.get("address")),
                number(equity.isMissingNode() ? null : equity),
                ownership == null || ownership.isNull()
                        ? ""
                        : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(ownership),
                type,
                services,
                nationwide ? "CN" : "PROVINCES",
                provinces,
                String.join(", ", facilities));
    }

    public List<String> zoneList() {
        return zones == null ? List.of() : zones;
    }

    public List<String> serviceList() {
        return services == null ? List.of() : services;
    }

    public List<String> provinceList() {
        return provinces == null ? List.of() : provinces;
    }

    public String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    public boolean nationwide() {
        return coverage == null || !coverage.equals("PROVINCES");
    }

    /** The company step's section: {@code {"applicant": {...}}}. */
    ObjectNode company() {
        var section = JsonNodeFactory.instance.objectNode();
        var applicant = section.putObject("applicant");
        putText(applicant, "name", name);
        if (uscc != null && !uscc.isBlank()) {
            applicant.put("uscc", uscc.strip().toUpperCase(Locale.ROOT));
        }
        putText(applicant, "seat", seat == null ? null : seat.strip().split("\\s+")[0]);
        var zonesNode = applicant.putArray("zones");
        zoneList().forEach(zonesNode::add);
        if (capital != null && !capital.isBlank()) {
            putNumber(
                    applicant, "registeredCapitalCny", capital.replace(",", "").replace("，", ""));
        }
        putText(applicant, "legalRepresentative", legalRepresentative);
        putText(applicant, "address", address);
        return section;
    }

    /** Whether both a figure and a structure were given: the form asks for one or the other. */
    boolean bothOwnerships() {
        return equity != null && !equity.isBlank() && structure != null && !structure.isBlank();
    }

    /**
     * The ownership step's section: the figure, or the structure as a tree (JSON when it looks like JSON, YAML
     * otherwise).
     *
     * @throws JacksonException when the structure is neither
     */
    ObjectNode ownership() {
        var section = JsonNodeFactory.instance.objectNode();
        if (structure != null && !structure.isBlank()) {
            var text = structure.strip();
            section.set("ownership", text.startsWith("{") ? JSON.readTree(text) : YAML.readTree(structure));
        } else if (equity != null && !equity.isBlank()) {
            putNumber(section, "foreignEquityPercent", equity.replace("%", ""));
        }
        return section;
    }

    /** The services step's section: the type and one service per key ticked, with the coverage and facilities. */
    ObjectNode servicesSection() {
        var section = JsonNodeFactory.instance.objectNode();
        if (type != null && !type.isBlank()) {
            section.put("type", type.strip());
        }
        var list = section.putArray("services");
        for (var key : serviceList()) {
            var service = list.addObject();
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
        }
        return section;
    }

    /** The form field a problem at {@code pointer} (into the request) is about. */
    static String field(String pointer) {
        if (pointer.startsWith("/applicant/registeredCapitalCny")) {
            return "capital";
        }
        if (pointer.startsWith("/applicant/")) {
            var field = pointer.substring("/applicant/".length()).split("/")[0];
            return List.of("name", "uscc", "seat", "zones", "legalRepresentative", "address")
                            .contains(field)
                    ? field
                    : "name";
        }
        if (pointer.startsWith("/foreignEquityPercent")) {
            return "equity";
        }
        if (pointer.startsWith("/ownership")) {
            return "structure";
        }
        if (pointer.startsWith("/type")) {
            return "type";
        }
        if (pointer.matches("/services/\\d+/coverage.*")) {
            return "coverage";
        }
        if (pointer.matches("/services/\\d+/facilities.*")) {
            return "facilities";
        }
        return "services";
    }

    private static String text(@Nullable JsonNode node) {
        return node == null || node.isNull() ? "" : node.isString() ? node.asString() : node.toString();
    }

    private static String number(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        return node.isNumber() ? node.decimalValue().stripTrailingZeros().toPlainString() : node.asString("");
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
