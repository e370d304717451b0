package org.kaifang.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kaifang.rules.RulePackFixtures;

/**
 * The credit finding names the list entries it rests on (list, date, reason, authority), and the determination keeps
 * the contract's shape: same rule, outcome, citation and overall; only the message says more.
 */
class CreditCitationTests {

    private static final EligibilityEngine ENGINE = new EligibilityEngine(RulePackFixtures.bundledPack());

    private static Determination determine(CreditStatus status) {
        return ENGINE.determine(Requests.on("2025-03-01")
                .foreignEquity("30")
                .on(status)
                .service(Requests.service("B25/SEARCH").coverage("320000"))
                .build());
    }

    private static Finding credit(Determination determination) {
        return determination.findings().stream()
                .filter(f -> f.rule().equals("applicant.credit"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theDishonestFindingNamesTheListTheDateTheReasonAndTheAuthority() {
        var plain = determine(CreditStatus.DISHONEST_LIST);
        var entry = new CreditRecords.Entry(
                CreditStatus.DISHONEST_LIST, LocalDate.of(2024, 11, 5), "被吊销经营许可证 / licence withdrawn", "上海市通信管理局");

        var cited = CreditCitation.cite(plain, List.of(entry));

        var finding = credit(cited);
        assertThat(finding.message().zh())
                .startsWith(credit(plain).message().zh())
                .contains("电信业务经营失信名单", "2024-11-05", "被吊销经营许可证", "上海市通信管理局");
        assertThat(finding.message().en())
                .startsWith(credit(plain).message().en())
                .contains("dishonest list", "since 2024-11-05", "licence withdrawn", "listed by 上海市通信管理局");
        assertThat(finding.outcome()).isEqualTo(Outcome.NOT_PERMITTED);
        assertThat(finding.citation()).isEqualTo(credit(plain).citation());
        assertThat(cited.overall()).isEqualTo(plain.overall());
        assertThat(cited.findings()).hasSameSizeAs(plain.findings());
        assertThat(cited.findings().stream().filter(f -> !f.rule().equals("applicant.credit")))
                .containsExactlyElementsOf(plain.findings().stream()
                        .filter(f -> !f.rule().equals("applicant.credit"))
                        .toList());
    }

    @Test
    void everyEntryIsNamedAndNoEntryLeavesTheDeterminationAsItWas() {
        var plain = determine(CreditStatus.BAD_LIST);
        var first = new CreditRecords.Entry(
                CreditStatus.BAD_LIST, LocalDate.of(2025, 5, 1), "逾期未报送2024年度年报", "工业和信息化部 / MIIT");
        var second = new CreditRecords.Entry(CreditStatus.BAD_LIST, LocalDate.of(2025, 1, 2), "未按规定整改", "上海市通信管理局");

        var cited = CreditCitation.cite(plain, List.of(first, second));

        assertThat(credit(cited).message().en())
                .contains("telecom bad list", "since 2025-05-01", "since 2025-01-02", "未按规定整改");
        assertThat(credit(cited).outcome()).isEqualTo(Outcome.PERMITTED);
        assertThat(CreditCitation.cite(plain, List.of())).isSameAs(plain);
    }
}
