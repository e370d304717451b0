package org.kaifang.ownership;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Writes an analysis as the response document of the ownership contract. */
public final class AnalysisJson {

    private AnalysisJson() {}

    public static ObjectNode toJson(OwnershipAnalysis a) {
        var nodes = JsonNodeFactory.instance;
        var root = nodes.objectNode();
        var equity = root.putObject("foreignEquity");
        equity.put("direct", a.foreignEquity().direct());
        equity.putArray("directRange")
                .add(a.foreignEquity().directRange().low())
                .add(a.foreignEquity().directRange().high());
        equity.put("lookThrough", a.foreignEquity().lookThrough());
        equity.putArray("lookThroughRange")
                .add(a.foreignEquity().lookThroughRange().low())
                .add(a.foreignEquity().lookThroughRange().high());
        root.put("foreignControlled", a.foreignControlled());
        var controllers = root.putArray("controllers");
        for (var c : a.controllers()) {
            var node = controllers.addObject();
            node.put("party", c.party());
            node.put("foreign", c.foreign());
            var chain = node.putArray("chain");
            c.chain().forEach(chain::add);
            node.putObject("reason")
                    .put("zh", c.reason().zh())
                    .put("en", c.reason().en());
        }
        var effective = root.putArray("effective");
        for (var e : a.effective()) {
            effective
                    .addObject()
                    .put("party", e.party())
                    .put("percent", e.percent())
                    .put("foreign", e.foreign());
        }
        var paths = root.putArray("paths");
        for (var p : a.paths()) {
            var node = paths.addObject();
            var parties = node.putArray("parties");
            p.parties().forEach(parties::add);
            node.put("percent", p.percent());
            node.put("foreign", p.foreign());
            node.put("text", p.text());
        }
        return root;
    }
}
