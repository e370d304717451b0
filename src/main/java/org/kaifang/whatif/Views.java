package org.kaifang.whatif;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kaifang.eligibility.Finding;
import org.kaifang.rules.Bilingual;
import org.kaifang.rules.RulePack;

/** Turns runs, reports and differences into the pages' view records. */
final class Views {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private Views() {}

    static WhatIfView.RunRow run(Run r) {
        return new WhatIfView.RunRow(
                r.id().toString(),
                r.candidateSource(),
                r.candidateVersion(),
                r.currentVersion(),
                r.asOf().toString(),
                r.status().name(),
                r.status() == RunStatus.RUNNING,
                r.startedBy(),
                TIME.format(r.startedAt()),
                r.subjects(),
                r.skipped(),
                r.estimate(),
                r.percent(),
                r.distinctInputs(),
                r.gains(),
                r.losses(),
                r.problem());
    }

    static WhatIfView form(
            List<String> candidates, String candidate, String asOf, Map<String, String> problems, List<Run> runs) {
        return new WhatIfView(
                candidates,
                candidate,
                asOf,
                problems,
                runs.stream().map(Views::run).toList(),
                null,
                List.of(),
                List.of(),
                false);
    }

    static WhatIfView report(Report report, List<Runs.StoredChange> affected, boolean more, RulePack pack, boolean zh) {
        var groups = report.groups().stream()
                .map(g -> new WhatIfView.GroupRow(
                        g.service(),
                        g.area(),
                        areaName(pack, g.area(), zh),
                        g.direction().name(),
                        g.current(),
                        g.candidate(),
                        g.count()))
                .toList();
        var rows = affected.stream()
                .map(c -> new WhatIfView.AffectedRow(
                        c.ref(),
                        c.name(),
                        c.kind().name(),
                        c.seat(),
                        c.service(),
                        c.direction().name(),
                        c.current(),
                        c.candidate(),
                        c.equity().stripTrailingZeros().toPlainString() + "%",
                        c.equityAssumed()))
                .toList();
        return new WhatIfView(List.of(), "", "", Map.of(), List.of(), run(report.run()), groups, rows, more);
    }

    static WhatIfView.EnterpriseView enterprise(Run run, EnterpriseDiff diff, boolean zh) {
        var services = diff.services().stream()
                .map(s -> new WhatIfView.ServiceView(
                        s.service(),
                        s.seat(),
                        s.equity(),
                        s.equityAssumed(),
                        s.current().outcome().name(),
                        s.candidate().outcome().name(),
                        s.current().decidedBy(),
                        s.candidate().decidedBy(),
                        s.rules().stream()
                                .map(r -> new WhatIfView.RuleView(
                                        r.rule(),
                                        r.outcome(r.current()),
                                        r.outcome(r.candidate()),
                                        text(r.current(), zh),
                                        text(r.candidate(), zh),
                                        citation(r.candidate() != null ? r.candidate() : r.current())))
                                .toList()))
                .toList();
        return new WhatIfView.EnterpriseView(run(run), diff.ref(), diff.name(), diff.uscc(), services, diff.notes());
    }

    private static String text(@Nullable Finding f, boolean zh) {
        return f == null ? "" : pick(f.message(), zh) + " [" + f.confidence().name() + "]";
    }

    private static String citation(@Nullable Finding f) {
        if (f == null) {
            return "";
        }
        var c = f.citation();
        return c.document() + (c.article() == null ? "" : ", " + c.article());
    }

    private static String pick(Bilingual b, boolean zh) {
        return zh ? b.zh() : b.en();
    }

    static String areaName(RulePack pack, String area, boolean zh) {
        return pack.divisions().find(area).map(d -> pick(d.name(), zh)).orElse(area);
    }
}
