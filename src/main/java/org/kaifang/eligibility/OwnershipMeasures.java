package org.kaifang.eligibility;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;
import org.kaifang.ownership.OwnershipAnalysis;
import org.kaifang.rules.Bilingual;
import org.kaifang.rules.DatedValue;
import org.kaifang.rules.RulePack;
import org.kaifang.rules.ServiceKind;

/**
 * When a request gives an ownership structure, the foreign equity has several measures: direct, look-through (with
 * bounds when shares are bands) and control. The determination is made on the measure the rule pack names; this step
 * re-judges each service on the other measures and says where they disagree: {@code REFER}, unless the pack is certain
 * which measure applies. Disagreement within disclosed bands always refers, as the fact itself is unknown.
 */
final class OwnershipMeasures {

    private final RulePack pack;
    private final Function<DeterminationRequest, Determination> judge;

    OwnershipMeasures(RulePack pack, Function<DeterminationRequest, Determination> judge) {
        this.pack = pack;
        this.judge = judge;
    }

    Determination apply(DeterminationRequest request, Determination base) {
        var analysis = request.ownership();
        if (analysis == null) {
            return base;
        }
        var date = request.asOf();
        var measure = pack.parameter("ownership.cap-measure").require(date);
        var control = pack.parameter("ownership.foreign-control").require(date);
        var equity = analysis.foreignEquity();
        var alternatives = new LinkedHashMap<String, BigDecimal>();
        alternatives.put("direct", decimal(equity.direct()));
        alternatives.put("low", decimal(equity.lookThroughRange().low()));
        alternatives.put("high", decimal(equity.lookThroughRange().high()));
        var judged = new LinkedHashMap<String, Determination>();
        for (var entry : alternatives.entrySet()) {
            if (entry.getValue().compareTo(request.foreignEquityPercent()) != 0) {
                judged.put(entry.getKey(), judge.apply(request.withEquity(entry.getValue())));
            }
        }
        var services = new ArrayList<ServiceDetermination>();
        for (int i = 0; i < base.services().size(); i++) {
            var service = base.services().get(i);
            var findings = new ArrayList<>(service.findings());
            var outcome = service.outcome();
            var band = differs(judged, "low", i, outcome) || differs(judged, "high", i, outcome);
            var direct = differs(judged, "direct", i, outcome);
            var category = pack.catalogue().find(service.code()).orElseThrow();
            if (band) {
                findings.add(finding(
                        "ownership.band",
                        Outcome.REFER,
                        pack.message("ownership.band")
                                .with("low", Percent.format(alternatives.get("low")))
                                .with("high", Percent.format(alternatives.get("high"))),
                        measure));
            }
            if (direct) {
                var directOutcome = judged.get("direct").services().get(i).outcome();
                findings.add(finding(
                        "ownership.measures",
                        measure.confidence().decides() ? Outcome.PERMITTED : Outcome.REFER,
                        pack.message("ownership.measures")
                                .with("direct", Percent.format(alternatives.get("direct")))
                                .with("lookThrough", Percent.format(request.foreignEquityPercent()))
                                .with("directOutcome", outcomeText(directOutcome))
                                .with("outcome", outcomeText(outcome)),
                        measure));
            }
            if (analysis.foreignControlled()) {
                if (category.kind() == ServiceKind.BASIC) {
                    findings.add(finding(
                            "ownership.control",
                            Outcome.NOT_PERMITTED,
                            pack.message("ownership.control.basic"),
                            pack.parameter("scope.basic-telecom").require(date)));
                } else if (service.foreignEquityCapPercent() != null
                        && service.foreignEquityCapPercent().signum() > 0
                        && request.foreignEquityPercent().compareTo(service.foreignEquityCapPercent()) <= 0) {
                    findings.add(finding(
                            "ownership.control",
                            control.confidence().decides() ? Outcome.NOT_PERMITTED : Outcome.REFER,
                            pack.message("ownership.control")
                                    .with("cap", Percent.format(service.foreignEquityCapPercent())),
                            control));
                }
            }
            var refer =
                    findings.stream().anyMatch(f -> f.rule().startsWith("ownership.") && f.outcome() == Outcome.REFER);
            if (refer && outcome == Outcome.NOT_PERMITTED && (band || direct)) {
                // Which measure applies is uncertain, so the cap findings that forbid it no longer stand alone.
                for (int f = 0; f < findings.size(); f++) {
                    var finding = findings.get(f);
                    if (finding.stands()
                            && finding.outcome() == Outcome.NOT_PERMITTED
                            && finding.rule().startsWith("equity.")) {
                        findings.set(f, finding.overriddenBy(direct ? "ownership.measures" : "ownership.band"));
                    }
                }
            }
            var standing = Outcome.PERMITTED;
            for (var finding : findings) {
                if (finding.stands()) {
                    standing = standing.and(finding.outcome());
                }
            }
            services.add(new ServiceDetermination(
                    service.code(),
                    service.item(),
                    service.name(),
                    standing,
                    service.foreignEquityCapPercent(),
                    service.decidedBy(),
                    service.conditions(),
                    findings,
                    standing == Outcome.PERMITTED ? List.of() : service.hints()));
        }
        var findings = new ArrayList<>(base.findings());
        findings.add(summary(request, analysis, measure));
        var overall = Outcome.PERMITTED;
        for (var finding : findings) {
            overall = overall.and(finding.outcome());
        }
        for (var service : services) {
            overall = overall.and(service.outcome());
        }
        return new Determination(
                base.asOf(),
                base.rulePack(),
                overall,
                base.authority(),
                base.licenceScope(),
                base.foreignEquityPercent(),
                findings,
                services,
                base.hints(),
                analysis);
    }

    private Finding summary(DeterminationRequest request, OwnershipAnalysis analysis, DatedValue measure) {
        var paths = analysis.paths().stream()
                .filter(OwnershipAnalysis.Chain::foreign)
                .limit(3)
                .toList();
        var chain = paths.isEmpty() ? "—" : paths.getFirst().text();
        var message = pack.message("ownership.summary")
                .with("lookThrough", Percent.format(request.foreignEquityPercent()))
                .with("direct", Percent.format(decimal(analysis.foreignEquity().direct())))
                .with("chain", chain)
                .with(
                        "controlled",
                        analysis.foreignControlled()
                                ? pack.message("ownership.controlled.yes")
                                : pack.message("ownership.controlled.no"));
        return finding("ownership.analysis", Outcome.PERMITTED, message, measure);
    }

    private static boolean differs(
            LinkedHashMap<String, Determination> judged, String key, int service, Outcome outcome) {
        var d = judged.get(key);
        return d != null && d.services().get(service).outcome() != outcome;
    }

    private Bilingual outcomeText(Outcome outcome) {
        return pack.message("outcome." + outcome.name());
    }

    private static BigDecimal decimal(double percent) {
        return BigDecimal.valueOf(percent).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private static Finding finding(String rule, Outcome outcome, Bilingual message, DatedValue value) {
        return Finding.of(rule, outcome, message, value);
    }
}
