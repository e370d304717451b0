package org.kaifang.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.kaifang.rules.Bilingual;

/**
 * Names, in the credit finding's message, the credit-list entries the determination found the applicant on: the list,
 * the date of listing, the reason and the authority. The finding's shape (rule, outcome, message, citation) stays as
 * the determination contract has it; only its text says more. The engine itself knows statuses only, because a request
 * can state them without any entry behind them.
 */
final class CreditCitation {

    static final String RULE = "applicant.credit";

    private CreditCitation() {}

    static Determination cite(Determination determination, List<CreditRecords.Entry> entries) {
        if (entries.isEmpty()) {
            return determination;
        }
        var findings = new ArrayList<Finding>(determination.findings().size());
        for (var finding : determination.findings()) {
            findings.add(finding.rule().equals(RULE) ? cite(finding, entries) : finding);
        }
        return new Determination(
                determination.asOf(),
                determination.rulePack(),
                determination.overall(),
                determination.authority(),
                determination.licenceScope(),
                determination.foreignEquityPercent(),
                findings,
                determination.services(),
                determination.hints(),
                determination.ownership(),
                determination.screening());
    }

    private static Finding cite(Finding finding, List<CreditRecords.Entry> entries) {
        var zh = entries.stream()
                .map(e -> "列入" + listZh(e.list()) + "：" + e.listedOn() + "，认定机关：" + e.authority() + "，理由：" + e.reason())
                .collect(Collectors.joining("；"));
        var en = entries.stream()
                .map(e -> "on the " + listEn(e.list()) + " since " + e.listedOn() + ", listed by " + e.authority()
                        + ", reason: " + e.reason())
                .collect(Collectors.joining("; "));
        var message = new Bilingual(
                finding.message().zh() + "（" + zh + "）", finding.message().en() + " (" + en + ")");
        return new Finding(
                finding.rule(),
                finding.outcome(),
                message,
                finding.citation(),
                finding.confidence(),
                finding.overriddenBy());
    }

    private static String listZh(CreditStatus list) {
        return list == CreditStatus.BAD_LIST ? "电信业务经营不良名单" : "电信业务经营失信名单";
    }

    private static String listEn(CreditStatus list) {
        return list == CreditStatus.BAD_LIST ? "telecom bad list (不良名单)" : "telecom dishonest list (失信名单)";
    }
}
