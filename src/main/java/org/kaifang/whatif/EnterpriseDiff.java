package org.kaifang.whatif;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kaifang.eligibility.Finding;
import org.kaifang.eligibility.RequestedService;
import org.kaifang.eligibility.ServiceDetermination;
import tools.jackson.databind.json.JsonMapper;

/**
 * For one enterprise of a run: each changed service's determination under the current pack and under the candidate,
 * and the rules whose findings differ between them.
 *
 * @param notes why the answer may differ from the run's (a pack changed since)
 */
record EnterpriseDiff(String ref, String name, @Nullable String uscc, List<ServiceDiff> services, List<String> notes) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One service: both determinations and the rules that differ. */
    record ServiceDiff(
            String service,
            String seat,
            String equity,
            boolean equityAssumed,
            ServiceDetermination current,
            ServiceDetermination candidate,
            List<RuleDiff> rules) {}

    /** One rule's findings under each pack; a side is {@code null} when that pack made no finding for the rule. */
    record RuleDiff(
            String rule,
            @Nullable Finding current,
            @Nullable Finding candidate) {

        String outcome(@Nullable Finding f) {
            if (f == null) {
                return "—";
            }
            return f.outcome().name() + (f.stands() ? "" : " (overridden by " + f.overriddenBy() + ")");
        }
    }

    static EnterpriseDiff of(List<Runs.StoredChange> stored, Comparison comparison, List<String> notes) {
        if (stored.isEmpty()) {
            return new EnterpriseDiff("", "", null, List.of(), notes);
        }
        var first = stored.getFirst();
        var services = new ArrayList<ServiceDiff>();
        for (var change : stored) {
            var service = JSON.readValue(change.serviceJson(), RequestedService.class);
            var subject = new Subject(
                    change.kind(),
                    change.ref(),
                    change.name(),
                    change.uscc(),
                    change.seat(),
                    change.zones(),
                    change.equity(),
                    change.equityAssumed(),
                    List.of(service));
            var pair = comparison.judge(subject, service);
            services.add(new ServiceDiff(
                    change.service(),
                    change.seat(),
                    change.equity().stripTrailingZeros().toPlainString() + "%",
                    change.equityAssumed(),
                    pair.current(),
                    pair.candidate(),
                    rules(pair.current(), pair.candidate())));
        }
        return new EnterpriseDiff(first.ref(), first.name(), first.uscc(), services, notes);
    }

    /** The rules whose finding differs in outcome, standing or presence, in the order they were made. */
    static List<RuleDiff> rules(ServiceDetermination current, ServiceDetermination candidate) {
        var a = byRule(current.findings());
        var b = byRule(candidate.findings());
        var rules = new LinkedHashSet<String>();
        rules.addAll(a.keySet());
        rules.addAll(b.keySet());
        var diffs = new ArrayList<RuleDiff>();
        for (var rule : rules) {
            var x = a.get(rule);
            var y = b.get(rule);
            if (x == null
                    || y == null
                    || x.outcome() != y.outcome()
                    || x.stands() != y.stands()
                    || !x.citation().equals(y.citation())) {
                diffs.add(new RuleDiff(rule, x, y));
            }
        }
        return diffs;
    }

    private static LinkedHashMap<String, Finding> byRule(List<Finding> findings) {
        var map = new LinkedHashMap<String, Finding>();
        for (var f : findings) {
            // A rule may fire more than once (one per area tried): the standing one, else the last, speaks for it.
            var known = map.get(f.rule());
            if (known == null || !known.stands() || f.stands()) {
                map.put(f.rule(), f);
            }
        }
        return map;
    }
}
