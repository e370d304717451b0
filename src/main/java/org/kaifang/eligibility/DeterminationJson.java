package org.kaifang.eligibility;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kaifang.rules.Bilingual;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a determination as the JSON document of the determination contract. Field names and order are fixed by the
 * contract; fields may be added, none renamed or removed.
 */
public final class DeterminationJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private DeterminationJson() {}

    /** The response body for a determination with {@code id}, made at {@code createdAt} (ISO instant) if known. */
    public static ObjectNode toJson(String id, @Nullable String createdAt, Determination d) {
        var root = NODES.objectNode();
        root.put("id", id);
        root.put("asOf", d.asOf().toString());
        var pack = root.putObject("rulePack");
        pack.put("id", d.rulePack().id());
        pack.put("version", d.rulePack().version());
        pack.put("digest", d.rulePack().digest());
        root.put("overall", d.overall().name());
        var authority = root.putObject("authority");
        authority.put("code", d.authority().code());
        authority.set("name", text(d.authority().name()));
        root.put("licenceScope", d.licenceScope().name());
        root.put("foreignEquityPercent", number(d.foreignEquityPercent()));
        root.set("findings", findings(d.findings()));
        var services = root.putArray("services");
        for (var s : d.services()) {
            var node = services.addObject();
            node.put("code", s.code());
            node.put("item", s.item());
            node.set("name", text(s.name()));
            node.put("outcome", s.outcome().name());
            if (s.foreignEquityCapPercent() == null) {
                node.putNull("foreignEquityCapPercent");
            } else {
                node.put("foreignEquityCapPercent", number(s.foreignEquityCapPercent()));
            }
            node.put("decidedBy", s.decidedBy());
            node.set("conditions", texts(s.conditions()));
            node.set("findings", findings(s.findings()));
            node.set("hints", texts(s.hints()));
        }
        root.set("hints", texts(d.hints()));
        if (d.ownership() != null) {
            root.set("ownership", org.kaifang.ownership.AnalysisJson.toJson(d.ownership()));
        }
        if (d.screening() != null) {
            root.set("screening", screening(d.screening()));
        }
        if (createdAt != null) {
            root.put("createdAt", createdAt);
        }
        return root;
    }

    /** {@link #toJson} as compact JSON text. */
    public static String write(String id, @Nullable String createdAt, Determination d) {
        return MAPPER.writeValueAsString(toJson(id, createdAt, d));
    }

    /** The list version used and each party's result, in the shape of the screening API's results. */
    private static ObjectNode screening(PartyScreening screening) {
        var node = NODES.objectNode();
        var list = node.putObject("list");
        list.put("id", screening.list().id());
        list.put("version", screening.list().version());
        list.put("digest", screening.list().digest());
        var lists = node.putArray("lists");
        for (var ref : screening.lists()) {
            lists.addObject().put("id", ref.id()).put("version", ref.version()).put("digest", ref.digest());
        }
        var results = node.putArray("results");
        for (var party : screening.parties()) {
            var result = org.kaifang.screening.ScreeningJson.write(party.result());
            var ordered = results.addObject();
            ordered.put("party", party.party());
            ordered.setAll(result);
        }
        return node;
    }

    private static double number(BigDecimal value) {
        return value.doubleValue();
    }

    private static ArrayNode findings(List<Finding> findings) {
        var array = NODES.arrayNode(findings.size());
        for (var f : findings) {
            var node = array.addObject();
            node.put("rule", f.rule());
            node.put("outcome", f.outcome().name());
            node.set("message", text(f.message()));
            var citation = node.putObject("citation");
            citation.put("document", f.citation().document());
            citation.put("article", f.citation().article());
            citation.put("url", f.citation().url());
            citation.put("instrument", f.citation().instrument());
            node.put("confidence", f.confidence().name());
            if (f.overriddenBy() != null) {
                node.put("overriddenBy", f.overriddenBy());
            }
        }
        return array;
    }

    private static ArrayNode texts(List<Bilingual> texts) {
        var array = NODES.arrayNode(texts.size());
        for (var t : texts) {
            array.add(text(t));
        }
        return array;
    }

    private static ObjectNode text(Bilingual text) {
        var node = NODES.objectNode();
        node.put("zh", text.zh());
        node.put("en", text.en());
        return node;
    }
}
