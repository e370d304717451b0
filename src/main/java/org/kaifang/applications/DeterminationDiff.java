package org.kaifang.applications;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What changed between two determinations of the same request: the overall outcome, each service's outcome and cap, and
 * each finding's outcome, matched by service and rule. A finding present on one side only is added or removed.
 */
public record DeterminationDiff(
        String overallBefore, String overallAfter, String asOfBefore, String asOfAfter, List<Change> changes) {

    public DeterminationDiff {
        changes = List.copyOf(changes);
    }

    /**
     * One difference.
     *
     * @param scope {@code applicant}, or a service key such as {@code B11/IDC}
     * @param subject {@code outcome}, {@code cap}, or a finding's rule id
     * @param before the value before, or {@code null} when it was absent
     * @param after the value after, or {@code null} when it is absent now
     */
    public record Change(
            String scope,
            String subject,
            @Nullable String before,
            @Nullable String after) {}

    public boolean same() {
        return changes.isEmpty();
    }

    public static DeterminationDiff between(JsonNode before, JsonNode after) {
        var changes = new ArrayList<Change>();
        findings("applicant", before.get("findings"), after.get("findings"), changes);
        var servicesBefore = services(before);
        var servicesAfter = services(after);
        for (var key : union(servicesBefore.keySet(), servicesAfter.keySet())) {
            var b = servicesBefore.get(key);
            var a = servicesAfter.get(key);
            compare(key, "outcome", text(b, "outcome"), text(a, "outcome"), changes);
            compare(key, "cap", text(b, "foreignEquityCapPercent"), text(a, "foreignEquityCapPercent"), changes);
            findings(key, b == null ? null : b.get("findings"), a == null ? null : a.get("findings"), changes);
        }
        return new DeterminationDiff(
                before.path("overall").asString(""),
                after.path("overall").asString(""),
                before.path("asOf").asString(""),
                after.path("asOf").asString(""),
                changes);
    }

    private static void findings(
            String scope, @Nullable JsonNode before, @Nullable JsonNode after, List<Change> changes) {
        var b = byRule(before);
        var a = byRule(after);
        for (var rule : union(b.keySet(), a.keySet())) {
            compare(scope, rule, b.get(rule), a.get(rule), changes);
        }
    }

    /** Each rule's outcome, marked when the finding was overridden by a more specific provision. */
    private static Map<String, String> byRule(@Nullable JsonNode findings) {
        var out = new LinkedHashMap<String, String>();
        if (findings == null) {
            return out;
        }
        for (var f : findings) {
            var outcome = f.path("outcome").asString("");
            if (f.has("overriddenBy")) {
                outcome += " (overridden)";
            }
            out.merge(f.path("rule").asString(""), outcome, (x, y) -> x + ", " + y);
        }
        return out;
    }

    private static Map<String, JsonNode> services(JsonNode determination) {
        var out = new LinkedHashMap<String, JsonNode>();
        for (var s : determination.path("services")) {
            var item = s.path("item");
            out.put(
                    s.path("code").asString("") + (item.isNull() || item.isMissingNode() ? "" : "/" + item.asString()),
                    s);
        }
        return out;
    }

    private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        var out = new ArrayList<>(a);
        for (var k : b) {
            if (!a.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    private static void compare(
            String scope, String subject, @Nullable String before, @Nullable String after, List<Change> changes) {
        if (before == null ? after != null : !before.equals(after)) {
            changes.add(new Change(scope, subject, before, after));
        }
    }

    private static @Nullable String text(@Nullable JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        var v = node.get(field);
        return v == null || v.isNull() ? "none" : v.asString(v.toString());
    }
}
