package org.kaifang.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.kaifang.accounts.Accounts;
import org.kaifang.applications.Actor;
import org.kaifang.applications.ApplicationStatus;
import org.kaifang.applications.ApplicationType;
import org.kaifang.applications.Applications;
import org.kaifang.applications.LicenceApplication;
import org.kaifang.applications.Verdict;
import org.kaifang.audit.AuditTrail;
import org.kaifang.testing.Actors;
import org.kaifang.testing.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issuance in the running application: an approval through {@link Applications} issues the licence in its own
 * transaction, numbered by the authority the request is routed to, audited; a rolled-back approval issues nothing and
 * gives its number back.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:issuance;DB_CLOSE_DELAY=-1",
            DemoLogins.DEMO,
            DemoLogins.FIXED_PASSWORD,
            "kaifang.notifications.schedule=false",
            "kaifang.licensing.schedule=false"
        })
class IssuanceIntegrationTests {

    static final String FOREIGN_IDC = """
            {"asOf":"2025-06-01",
             "applicant":{"name":"Lingang Cloud Data Co., Ltd.","uscc":"91310115MA1K4LXQ26","seat":"310115",
                          "registeredCapitalCny":10000000},
             "foreignEquityPercent":49,
             "services":[{"code":"B11","item":"IDC","coverage":["CN"],"facilities":["310115"]},
                         {"code":"B21","item":"EDI","coverage":["CN"],"facilities":["310115"]}]}
            """;

    static final String DOMESTIC_CALL_CENTRE = """
            {"asOf":"2025-06-01",
             "applicant":{"name":"Pudong Netlink Technology Co., Ltd.","seat":"310115","registeredCapitalCny":2000000},
             "foreignEquityPercent":0,
             "services":[{"code":"B24","item":"DOMESTIC_CALL_CENTRE","coverage":["310000"],"facilities":["310115"]}]}
            """;

    static final String PILOT_CLOUD = """
            {"asOf":"2025-06-01",
             "applicant":{"name":"Lingang Cloud Data Co., Ltd.","seat":"310115","registeredCapitalCny":10000000},
             "foreignEquityPercent":100,
             "services":[{"code":"B11","item":"IDC","coverage":["CN"],"facilities":["310115"]}]}
            """;

    @TestConfiguration
    static class FixedDay {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2025-06-10T02:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    org.kaifang.register.Register register;

    @Autowired
    Applications applications;

    @Autowired
    Accounts accounts;

    @Autowired
    Licences licences;

    @Autowired
    NumberCounters counters;

    @Autowired
    AuditTrail audit;

    @Autowired
    TransactionTemplate transactions;

    Actor actor(String username) {
        return Actors.of(accounts, username);
    }

    LicenceApplication recommended(String applicant, ApplicationType type, String name, String request) {
        var app = applications.create(actor(applicant), type, name, request, null);
        app = applications.submit(actor(applicant), app.id(), app.version());
        app = applications.accept(actor("officer"), app.id(), app.version());
        app = applications.startReview(actor("officer"), app.id(), app.version());
        return applications.recommend(actor("officer"), app.id(), app.version(), Verdict.APPROVE, "Complete");
    }

    LicenceView issued(LicenceApplication approved) {
        return licences.ofApplication(approved.id().toString()).orElseThrow();
    }

    @Test
    void anApprovedForeignInvestedApplicationBecomesAMiitLicenceNumberedHeZi() {
        var before = counters.last("合字", 2025);
        var app = recommended("applicant.a", ApplicationType.NEW_LICENCE, "临港云数据有限公司", FOREIGN_IDC);

        app = applications.decide(actor("approver"), app.id(), app.version(), Verdict.APPROVE, "All conditions met");

        var licence = issued(app);
        assertThat(licence.number()).isEqualTo("合字B1.B2-2025" + String.format("%04d", before + 1));
        assertThat(licence.kind()).isEqualTo(LicenceKind.LICENCE);
        assertThat(licence.authority()).isEqualTo("MIIT");
        assertThat(licence.foreignInvested()).isTrue();
        assertThat(licence.holder()).isEqualTo("临港云数据有限公司");
        assertThat(licence.uscc()).isEqualTo("91310115MA1K4LXQ26");
        assertThat(licence.organisation()).isEqualTo(actor("applicant.a").organisation());
        assertThat(licence.issuedOn()).isEqualTo(LocalDate.of(2025, 6, 10));
        assertThat(licence.validUntil()).isEqualTo(LocalDate.of(2030, 6, 9));
        assertThat(licence.status()).isEqualTo(LicenceStatus.NORMAL);
        assertThat(licence.services()).extracting(LicensedService::key).containsExactly("B11/IDC", "B21/EDI");
        assertThat(licences.history(licence.id())).singleElement().satisfies(h -> {
            assertThat(h.change()).isEqualTo(LicenceChange.ISSUED);
            assertThat(h.actor()).isEqualTo(actor("approver").user());
        });
        assertThat(audit.awaitChained(Duration.ofSeconds(10))).isTrue();
        assertThat(audit.recent(licence.id().value(), 0))
                .singleElement()
                .satisfies(r -> assertThat(r.action()).isEqualTo("ISSUED"));
    }

    @Test
    void aDomesticProvincialLicenceCarriesTheProvincesAbbreviation() {
        var app = recommended("applicant.b", ApplicationType.NEW_LICENCE, "浦东网联科技有限公司", DOMESTIC_CALL_CENTRE);

        app = applications.decide(actor("approver"), app.id(), app.version(), Verdict.APPROVE, "All conditions met");

        var licence = issued(app);
        assertThat(licence.number()).startsWith("沪B2-2025");
        assertThat(licence.authority()).isEqualTo("310000");
        assertThat(licence.foreignInvested()).isFalse();
    }

    @Test
    void aPilotApprovalCarriesItsPilotConditionsAndAreaAndKaifangsOwnReference() {
        var app = recommended("applicant.a", ApplicationType.PILOT_APPROVAL, "临港云数据有限公司", PILOT_CLOUD);

        app = applications.decide(actor("approver"), app.id(), app.version(), Verdict.APPROVE, "Pilot conditions met");

        var approval = issued(app);
        assertThat(approval.kind()).isEqualTo(LicenceKind.PILOT_APPROVAL);
        assertThat(approval.pilot()).isTrue();
        assertThat(approval.pilotArea()).isEqualTo("CN-PILOT-SH");
        assertThat(approval.number()).startsWith("试点B1-2025");
        assertThat(approval.conditions())
                .hasSize(2)
                .anySatisfy(c -> assertThat(c).contains("registered in the pilot area"))
                .anySatisfy(c -> assertThat(c).contains("facilities must be in the pilot area"));
    }

    @Test
    void aRolledBackApprovalIssuesNothingAndGivesItsNumberBack() {
        var before = counters.last("合字", 2025);
        var first = recommended("applicant.a", ApplicationType.NEW_LICENCE, "临港云数据有限公司", FOREIGN_IDC);
        transactions.executeWithoutResult(status -> {
            applications.decide(actor("approver"), first.id(), first.version(), Verdict.APPROVE, "Approved");
            assertThat(licences.ofApplication(first.id().toString())).isPresent();
            status.setRollbackOnly();
        });

        assertThat(applications.get(actor("approver"), first.id()).status()).isEqualTo(ApplicationStatus.RECOMMENDED);
        assertThat(licences.ofApplication(first.id().toString())).isEmpty();
        assertThat(counters.last("合字", 2025)).isEqualTo(before);
        var approved = applications.decide(actor("approver"), first.id(), first.version(), Verdict.APPROVE, "Approved");
        assertThat(issued(approved).number()).endsWith(String.format("%04d", before + 1));
    }

    static String naming(String licence, String services) {
        return """
                {"asOf":"2025-06-01","licence":"%s",
                 "applicant":{"name":"Lingang Cloud Data Co., Ltd.","uscc":"91310115MA1K4LXQ26","seat":"310115",
                              "registeredCapitalCny":20000000},
                 "foreignEquityPercent":49,
                 "services":%s}
                """.formatted(licence, services);
    }

    static final String IDC = "{\"code\":\"B11\",\"item\":\"IDC\",\"coverage\":[\"CN\"],\"facilities\":[\"310115\"]}";
    static final String EDI =
            "{\"code\":\"B21\",\"item\":\"EDI\",\"coverage\":[\"310000\"],\"facilities\":[\"310115\"]}";

    /** A licence of applicant.a's company taken over from an earlier register, ending on {@code validUntil}. */
    LicenceView recorded(String number, LocalDate validUntil) {
        return licences.record(
                        java.util.List.of(new ExistingLicence(
                                LicenceKind.LICENCE,
                                number,
                                "临港云数据有限公司",
                                null,
                                "91310115MA1K4LXQ26",
                                null,
                                new java.math.BigDecimal("10000000"),
                                "MIIT",
                                true,
                                false,
                                null,
                                java.util.List.of(
                                        new LicensedService("B11", "IDC", java.util.List.of("CN")),
                                        new LicensedService("B21", "EDI", java.util.List.of("CN"))),
                                validUntil.minusYears(5).plusDays(1),
                                validUntil.minusYears(5).plusDays(1),
                                validUntil,
                                LicenceStatus.NORMAL,
                                java.util.List.of(),
                                null,
                                false,
                                null)),
                        "system")
                .getFirst();
    }

    @Test
    void anApprovedChangeAmendsTheLicenceWhichKeepsItsNumberAndHistory() {
        var app = recommended("applicant.a", ApplicationType.NEW_LICENCE, "临港云数据有限公司", FOREIGN_IDC);
        var licence =
                issued(applications.decide(actor("approver"), app.id(), app.version(), Verdict.APPROVE, "Approved"));
        var change = recommended(
                "applicant.a",
                ApplicationType.CHANGE,
                "临港云数据科技有限公司",
                naming(licence.number(), "[" + IDC + "," + EDI + "]"));

        applications.decide(actor("approver"), change.id(), change.version(), Verdict.APPROVE, "Change approved");

        var amended = licences.find(licence.id()).orElseThrow();
        assertThat(amended.number()).isEqualTo(licence.number());
        assertThat(amended.holder()).isEqualTo("临港云数据科技有限公司");
        assertThat(amended.registeredCapitalCny()).isEqualByComparingTo("20000000");
        assertThat(amended.services())
                .filteredOn(s -> s.code().equals("B21"))
                .singleElement()
                .satisfies(s -> assertThat(s.coverage()).containsExactly("310000"));
        assertThat(amended.version()).isEqualTo(2);
        assertThat(licences.history(licence.id()))
                .extracting(LicenceChanged::change)
                .containsExactly(LicenceChange.ISSUED, LicenceChange.AMENDED);
        assertThat(licences.history(licence.id()).getFirst().licence().holder()).isEqualTo("临港云数据有限公司");
    }

    @Test
    void aChangeAmendsTheLegalRepresentativeCapitalAndShareholdersAndEveryVersionKeepsItsOwn() {
        var licence = recorded("合字B1.B2-20200907", LocalDate.of(2027, 8, 1));
        var request = naming(licence.number(), "[" + IDC + "]").replace("\"foreignEquityPercent\":49,", """
                        "foreignEquityPercent":49,
                        "holder":{"legalRepresentative":"李四",
                                  "shareholders":[{"name":"Example Holdings (HK) Ltd.","percent":49},
                                                  {"name":"上海某某投资有限公司","percent":51}]},""");
        var change = recommended("applicant.a", ApplicationType.CHANGE, "临港云数据有限公司", request);

        applications.decide(actor("approver"), change.id(), change.version(), Verdict.APPROVE, "Change approved");

        var amended = licences.find(licence.id()).orElseThrow();
        assertThat(amended.legalRepresentative()).isEqualTo("李四");
        assertThat(amended.registeredCapitalCny()).isEqualByComparingTo("20000000");
        assertThat(amended.shareholders())
                .containsExactly(
                        new Shareholder("Example Holdings (HK) Ltd.", new java.math.BigDecimal("49")),
                        new Shareholder("上海某某投资有限公司", new java.math.BigDecimal("51")));
        var history = licences.history(licence.id());
        assertThat(history)
                .extracting(LicenceChanged::change)
                .containsExactly(LicenceChange.RECORDED, LicenceChange.AMENDED);
        assertThat(history.getFirst().licence().legalRepresentative()).isNull();
        assertThat(history.getFirst().licence().shareholders()).isEmpty();
        assertThat(history.getFirst().licence().registeredCapitalCny()).isEqualByComparingTo("10000000");
        assertThat(history.getLast().licence()).isEqualTo(amended);
        // The register keeps the whole view from the event: the shareholders are in its read model too.
        assertThat(register.licence(licence.id()).orElseThrow().shareholders()).isEqualTo(amended.shareholders());

        // A later change that does not state them keeps them; ending the licence keeps them in its last version.
        var again = recommended(
                "applicant.a", ApplicationType.CHANGE, "临港云数据有限公司", naming(licence.number(), "[" + IDC + "]"));
        applications.decide(actor("approver"), again.id(), again.version(), Verdict.APPROVE, "Approved");
        assertThat(licences.find(licence.id()).orElseThrow().shareholders()).isEqualTo(amended.shareholders());
        assertThat(licences.find(licence.id()).orElseThrow().legalRepresentative())
                .isEqualTo("李四");
    }

    @Test
    void aRenewalInItsWindowExtendsFiveYearsFromExpiryAndDropsServicesNotKept() {
        var licence = recorded("合字B1.B2-20200901", LocalDate.of(2025, 8, 1));
        var renewal = recommended(
                "applicant.a", ApplicationType.RENEWAL, "临港云数据有限公司", naming(licence.number(), "[" + IDC + "]"));

        applications.decide(actor("approver"), renewal.id(), renewal.version(), Verdict.APPROVE, "Renewed");

        var renewed = licences.find(licence.id()).orElseThrow();
        assertThat(renewed.validUntil()).isEqualTo(LocalDate.of(2030, 8, 1));
        assertThat(renewed.services()).extracting(LicensedService::key).containsExactly("B11/IDC");
        assertThat(renewed.organisation()).isEqualTo(actor("applicant.a").organisation());
        assertThat(licences.history(licence.id()))
                .extracting(LicenceChanged::change)
                .containsExactly(LicenceChange.RECORDED, LicenceChange.RENEWED);
    }

    @Test
    void aRenewalOutsideItsWindowIsRefusedWithTheReasonAndNothingChanges() {
        var licence = recorded("合字B1.B2-20210902", LocalDate.of(2026, 6, 1));
        var renewal = recommended(
                "applicant.a", ApplicationType.RENEWAL, "临港云数据有限公司", naming(licence.number(), "[" + IDC + "]"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> applications.decide(
                        actor("approver"), renewal.id(), renewal.version(), Verdict.APPROVE, "Renewed"))
                .isInstanceOf(org.kaifang.applications.ActionRefused.class)
                .hasMessageContaining("between 2026-03-03 and 2026-06-01");

        assertThat(applications.get(actor("approver"), renewal.id()).status()).isEqualTo(ApplicationStatus.RECOMMENDED);
        assertThat(licences.find(licence.id()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void syntheticLicencesRecordedTogetherHaveOneAuditRecordAndRealOnesOneEach() {
        var before = chainedCount();
        var real = recorded("B2-20190777", LocalDate.of(2029, 5, 5));
        assertThat(chainedCount()).isEqualTo(before + 1);
        assertThat(audit.recent(real.id().value(), 0))
                .singleElement()
                .satisfies(r -> assertThat(r.action()).isEqualTo("RECORDED"));

        var demo = java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> new ExistingLicence(
                        LicenceKind.LICENCE,
                        "B2-2019088" + i,
                        "演示合成" + i + "有限公司",
                        null,
                        null,
                        null,
                        null,
                        "MIIT",
                        false,
                        false,
                        null,
                        java.util.List.of(new LicensedService("B25", "ICP", java.util.List.of("CN"))),
                        LocalDate.of(2019, 1, 2),
                        LocalDate.of(2019, 1, 2),
                        LocalDate.of(2029, 1, 1),
                        LicenceStatus.NORMAL,
                        java.util.List.of(),
                        null,
                        true,
                        null))
                .toList();
        var synthetic = licences.record(demo, "system");

        assertThat(synthetic).hasSize(3);
        assertThat(chainedCount()).isEqualTo(before + 2);
        assertThat(audit.recent(synthetic.getFirst().id().value(), 0))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.action()).isEqualTo("RECORDED_SYNTHETIC");
                    assertThat(r.after())
                            .contains("\"licences\":3")
                            .contains(synthetic.getLast().id().value());
                });
        assertThat(audit.verify().intact()).isTrue();
    }

    /** The chain's length once every committed record has its place: the chainer runs just after each commit. */
    private long chainedCount() {
        assertThat(audit.awaitChained(java.time.Duration.ofSeconds(10)))
                .as("records chained")
                .isTrue();
        return audit.count(null);
    }
}
