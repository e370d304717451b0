package org.kaifang.cli;

import java.util.List;
import org.kaifang.eligibility.Determination;
import org.kaifang.eligibility.Finding;
import org.kaifang.rules.Bilingual;

/** Renders a determination as readable text for the terminal, in Chinese or English. */
final class DeterminationText {

    private DeterminationText() {}

    static String render(Determination d, String lang) {
        var zh = lang.equals("zh");
        var out = new StringBuilder();
        out.append(zh ? "判定日期 " : "Determination as of ")
                .append(d.asOf())
                .append(zh ? "，规则包 " : " under rule pack ")
                .append(d.rulePack().id())
                .append(' ')
                .append(d.rulePack().version())
                .append(" (")
                .append(d.rulePack().digest(), 0, 19)
                .append("…)\n");
        out.append(zh ? "总体结论：" : "Overall: ")
                .append(outcome(d.overall().name(), zh))
                .append('\n');
        out.append(zh ? "许可机关：" : "Authority: ")
                .append(d.authority().name().in(lang))
                .append(" (")
                .append(d.authority().code())
                .append(")\n");
        out.append(zh ? "许可范围：" : "Licence scope: ")
                .append(zh ? (d.licenceScope().name().equals("PROVINCIAL") ? "省内" : "跨地区") : d.licenceScope())
                .append(zh ? "　外资股比：" : "   Foreign equity: ")
                .append(d.foreignEquityPercent().stripTrailingZeros().toPlainString())
                .append("%\n\n");
        out.append(zh ? "申请人\n" : "Applicant\n");
        findings(out, d.findings(), lang);
        hints(out, d.hints(), lang, "  ");
        for (var s : d.services()) {
            out.append('\n')
                    .append(s.code())
                    .append(s.item() == null ? "" : "/" + s.item())
                    .append(" — ")
                    .append(outcome(s.outcome().name(), zh))
                    .append(zh ? "（外资股比上限：" : " (foreign-equity cap: ")
                    .append(
                            s.foreignEquityCapPercent() == null
                                    ? (zh ? "无" : "none")
                                    : s.foreignEquityCapPercent()
                                                    .stripTrailingZeros()
                                                    .toPlainString() + "%")
                    .append(zh ? "；决定规则：" : "; decided by ")
                    .append(s.decidedBy())
                    .append(zh ? "）\n" : ")\n");
            findings(out, s.findings(), lang);
            if (!s.conditions().isEmpty()) {
                out.append(zh ? "  条件：\n" : "  Conditions:\n");
                s.conditions()
                        .forEach(c -> out.append("    - ").append(c.in(lang)).append('\n'));
            }
            hints(out, s.hints(), lang, "  ");
        }
        return out.toString();
    }

    private static void findings(StringBuilder out, List<Finding> findings, String lang) {
        for (var f : findings) {
            out.append("  [")
                    .append(f.outcome())
                    .append(f.stands() ? "" : (lang.equals("zh") ? "，已被 " : ", overridden by ") + f.overriddenBy())
                    .append("] ")
                    .append(f.rule())
                    .append(" — ")
                    .append(f.message().in(lang))
                    .append('\n');
            out.append("      ")
                    .append(f.citation().document())
                    .append(
                            f.citation().article() == null
                                    ? ""
                                    : " " + f.citation().article())
                    .append(" [")
                    .append(f.confidence())
                    .append(']')
                    .append(f.citation().url() == null ? "" : " " + f.citation().url())
                    .append('\n');
        }
    }

    private static void hints(StringBuilder out, List<Bilingual> hints, String lang, String indent) {
        if (hints.isEmpty()) {
            return;
        }
        out.append(indent).append(lang.equals("zh") ? "可改变结论的事项：\n" : "What would change the outcome:\n");
        hints.forEach(h -> out.append(indent).append("  - ").append(h.in(lang)).append('\n'));
    }

    private static String outcome(String outcome, boolean zh) {
        if (!zh) {
            return outcome;
        }
        return switch (outcome) {
            case "PERMITTED" -> "允许 (PERMITTED)";
            case "REFER" -> "转人工审查 (REFER)";
            default -> "不允许 (NOT_PERMITTED)";
        };
    }
}
