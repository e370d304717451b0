package org.kaifang.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.kaifang.licensing.ExistingLicence;
import org.kaifang.licensing.LicenceKind;
import org.kaifang.licensing.LicenceStatus;

/** The demo register: deterministic, synthetic, and shaped like the public counts it imitates. */
class DemoRegisterDataTests {

    private static final List<ExistingLicence> ALL = DemoRegisterData.generate();

    @Test
    void isTheSameEveryTimeAndAllSynthetic() {
        assertThat(DemoRegisterData.generate()).isEqualTo(ALL);
        assertThat(ALL).allMatch(ExistingLicence::synthetic);
        assertThat(ALL.stream().filter(l -> l.kind() == LicenceKind.LICENCE))
                .allMatch(l -> l.holder().contains("演示") && l.holderEn().contains("Demo"));
    }

    @Test
    void hasAbout2400ForeignInvestedAnd10000DomesticHoldersWithUniqueNumbersNamesAndValidUsccs() {
        var licences = ALL.stream().filter(l -> l.kind() == LicenceKind.LICENCE).toList();
        assertThat(licences.stream().filter(ExistingLicence::foreignInvested)).hasSize(DemoRegisterData.FOREIGN);
        assertThat(licences.stream().filter(l -> !l.foreignInvested())).hasSize(DemoRegisterData.DOMESTIC);
        assertThat(licences.stream().map(ExistingLicence::number).collect(Collectors.toSet()))
                .hasSize(licences.size());
        assertThat(licences.stream().map(ExistingLicence::holder).collect(Collectors.toSet()))
                .hasSize(licences.size());
        assertThat(licences).allSatisfy(l -> {
            assertThat(l.uscc()).matches("91[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}");
            assertThat(DemoRegisterData.check(l.uscc().substring(0, 17)))
                    .isEqualTo(l.uscc().charAt(17));
        });
    }

    @Test
    void numbersFollowTheRealFormats() {
        var licences = ALL.stream().filter(l -> l.kind() == LicenceKind.LICENCE).toList();
        assertThat(licences.stream().filter(ExistingLicence::foreignInvested))
                .allSatisfy(l -> assertThat(l.number())
                        .matches("合字B[12](\\.B2)?-" + l.issuedOn().getYear() + "[0-9]{4}"));
        var domestic = licences.stream().filter(l -> !l.foreignInvested()).toList();
        assertThat(domestic).allSatisfy(l -> assertThat(l.number()).matches("(\\p{IsHan})?B[12](\\.B2)?-[0-9]{8}"));
        var miit = domestic.stream().filter(l -> l.authority().equals("MIIT")).count();
        assertThat(miit).isBetween(1_800L, 2_600L);
        assertThat(domestic.stream().filter(l -> l.authority().equals("310000")))
                .allSatisfy(l -> assertThat(l.number()).startsWith("沪"));
    }

    @Test
    void foreignInvestedGrowthMatchesThePublicCounts() {
        var fies = ALL.stream()
                .filter(l -> l.foreignInvested() && l.kind() == LicenceKind.LICENCE)
                .toList();
        assertThat(countBy(fies, "2017-06-30")).isEqualTo(78);
        assertThat(countBy(fies, "2020-03-31")).isEqualTo(232);
        assertThat(countBy(fies, "2024-02-28")).isEqualTo(1_855);
        assertThat(countBy(fies, "2024-09-30")).isEqualTo(2_220);
        assertThat(countBy(fies, "2024-12-31")).isEqualTo(2_343);
        assertThat(countBy(fies, "2025-02-28")).isGreaterThan(2_400);
        assertThat(fies).allMatch(l -> l.status() == LicenceStatus.NORMAL);
    }

    @Test
    void servicesFollowTheLicenceItemMix() {
        var items = ALL.stream()
                .filter(l -> l.kind() == LicenceKind.LICENCE)
                .flatMap(l -> l.services().stream())
                .collect(Collectors.groupingBy(s -> s.code(), Collectors.counting()));
        var total = items.values().stream().mapToLong(Long::longValue).sum();
        // ICP and SP are both B25: (89,802 + 18,191) / 205,000 of the weights ≈ 53%; EDI (B21) ≈ 21%.
        assertThat(items.get("B25") * 100 / total).isBetween(48L, 58L);
        assertThat(items.get("B21") * 100 / total).isBetween(17L, 25L);
        assertThat(items.keySet()).contains("B11", "B12", "B13", "B14", "B22", "B23", "B24", "B26");
        assertThat(total * 100 / 12_410).as("items per holder, ×100").isBetween(130L, 155L);
    }

    @Test
    void areasArePlausible() {
        var domestic = ALL.stream().filter(l -> !l.foreignInvested()).toList();
        Map<String, Long> seats = domestic.stream()
                .collect(Collectors.groupingBy(l -> l.uscc().substring(2, 4) + "0000", Collectors.counting()));
        assertThat(seats.get("440000")).isGreaterThan(seats.get("310000"));
        assertThat(seats.get("110000")).isGreaterThan(seats.get("510000"));
        assertThat(seats).hasSizeGreaterThan(25);
        var idc = domestic.stream()
                .flatMap(l -> l.services().stream())
                .filter(s -> s.code().equals("B11") && !s.coverage().contains("CN"))
                .toList();
        assertThat(idc).allSatisfy(s -> assertThat(s.coverage()).allMatch(c -> c.endsWith("0100")));
    }

    @Test
    void theFirstBatchPilotApprovalsAreThereWithTheirSourcesAndNoNumbers() {
        var pilots =
                ALL.stream().filter(l -> l.kind() == LicenceKind.PILOT_APPROVAL).toList();
        assertThat(pilots).hasSize(7).allSatisfy(p -> {
            assertThat(p.number()).isNull();
            assertThat(p.pilot()).isTrue();
            assertThat(p.source()).startsWith("https://");
            assertThat(p.issuedOn()).isIn(LocalDate.parse("2025-02-26"), LocalDate.parse("2025-02-28"));
        });
        assertThat(pilots.stream().map(ExistingLicence::holderEn))
                .contains(
                        "T-Systems P.R. China Ltd.", "Siemens Digital Technology (Shenzhen) Co., Ltd.", "Airbus China");
        assertThat(pilots.stream().filter(p -> p.issuedOn().equals(LocalDate.parse("2025-02-26"))))
                .hasSize(4)
                .allMatch(p -> p.pilotArea().equals("CN-PILOT-SH"));
    }

    @Test
    void someDomesticLicencesAreNoLongerInForceEachWithItsReasonAndBasis() {
        var ended = ALL.stream()
                .filter(Predicate.not(l -> l.status() == LicenceStatus.NORMAL))
                .toList();
        assertThat(ended.size()).isBetween(700, 1_200);
        assertThat(ended).allSatisfy(l -> {
            assertThat(l.termination()).isNotNull();
            assertThat(l.termination().legalBasis()).startsWith("电信业务经营许可管理办法");
        });
        assertThat(new HashSet<>(ended.stream().map(ExistingLicence::status).toList()))
                .containsExactlyInAnyOrder(
                        LicenceStatus.CANCELLED, LicenceStatus.EXPIRED, LicenceStatus.REVOKED, LicenceStatus.WITHDRAWN);
    }

    private static long countBy(List<ExistingLicence> licences, String date) {
        var day = LocalDate.parse(date);
        return licences.stream().filter(l -> !l.issuedOn().isAfter(day)).count();
    }
}
