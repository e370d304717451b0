package org.kaifang.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kaifang.licensing.LicenceFixtures.existing;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kaifang.accounts.CurrentUser;
import org.kaifang.accounts.Organisation;
import org.kaifang.accounts.OrganisationId;
import org.kaifang.accounts.OrganisationKind;
import org.kaifang.accounts.Role;
import org.kaifang.accounts.UserId;
import org.kaifang.accounts.Username;
import org.kaifang.eligibility.CreditStatus;
import org.kaifang.rules.RuleCatalogue;
import org.kaifang.rules.RulePackLoader;
import org.kaifang.testing.Databases;
import org.kaifang.testing.Databases.Database;

/**
 * Annual reports and the bad list with a clock the test moves, on H2 and PostgreSQL: a report still missing after the
 * deadline lists the operator (once), a late filing confirmed by a registrar takes it off, and the list reaches
 * eligibility through {@link CreditLists#of}.
 */
class AnnualReportsTests {

    static Stream<Database> databases() {
        return Databases.all().stream();
    }

    static final String USCC = "91310115MA1K4LXQ26";

    static final OrganisationId HOLDER = OrganisationId.random();

    static CurrentUser user(String name, Role role, OrganisationId organisation) {
        return new CurrentUser(
                UserId.random(),
                new Username(name),
                name,
                new Organisation(organisation, name, null, OrganisationKind.COMPANY, null),
                Set.of(role));
    }

    static final CurrentUser APPLICANT = user("applicant.a", Role.APPLICANT, HOLDER);
    static final CurrentUser REGISTRAR = user("registrar", Role.REGISTRAR, OrganisationId.random());

    record Reports(LicenceFixtures.Module module, AnnualReports reports, CreditLists lists, List<Object> events) {}

    static Reports reports(Database database, MutableClock clock) {
        var m = LicenceFixtures.module(database, clock);
        var lists = new CreditLists(new CreditEntryStore(m.jdbc()), m.events()::add, clock);
        var pack = RulePackLoader.fromDirectory(Path.of("rules/telecom-vas"));
        var reports = new AnnualReports(
                m.jdbc(),
                m.store(),
                lists,
                RuleCatalogue.of(pack),
                new DailyJobs(m.jdbc(), m.transactions(), clock),
                clock,
                m.events()::add);
        return new Reports(m, reports, lists, m.events());
    }

    /** A licence held by {@link #HOLDER}, issued in 2024. */
    static LicenceView held(LicenceFixtures.Module m) {
        var e = existing("合字B2-20240031", "临港云数据有限公司", LocalDate.of(2029, 3, 1));
        var recorded = m.licences()
                .record(
                        List.of(new ExistingLicence(
                                e.kind(),
                                e.number(),
                                e.holder(),
                                e.holderEn(),
                                USCC,
                                e.legalRepresentative(),
                                e.registeredCapitalCny(),
                                e.authority(),
                                true,
                                false,
                                null,
                                e.services(),
                                LocalDate.of(2024, 3, 2),
                                LocalDate.of(2024, 3, 2),
                                e.validUntil(),
                                LicenceStatus.NORMAL,
                                List.of(),
                                null,
                                false,
                                null)),
                        "system")
                .getFirst();
        // A recorded licence has no Kaifang organisation; the holder's is given here as issuance would give it.
        m.jdbc()
                .sql("update licensing.licence set organisation = :o where id = :id")
                .param("o", HOLDER.toString())
                .param("id", recorded.id().value())
                .update();
        var body = LicenceJson.read(m.jdbc()
                .sql("select body from licensing.licence where id = :id")
                .param("id", recorded.id().value())
                .query(String.class)
                .single());
        var owned = new LicenceView(
                body.id(),
                body.kind(),
                body.number(),
                body.holder(),
                body.holderEn(),
                body.uscc(),
                HOLDER.toString(),
                body.legalRepresentative(),
                body.registeredCapitalCny(),
                body.authority(),
                body.foreignInvested(),
                body.pilot(),
                body.pilotArea(),
                body.services(),
                body.issuedOn(),
                body.validFrom(),
                body.validUntil(),
                body.status(),
                body.conditions(),
                body.termination(),
                body.application(),
                body.synthetic(),
                body.source(),
                body.version());
        m.jdbc()
                .sql("update licensing.licence set body = :b where id = :id")
                .param("b", LicenceJson.write(owned))
                .param("id", recorded.id().value())
                .update();
        return owned;
    }

    static AnnualReportForm complete() {
        return new AnnualReportForm(
                "营业收入1200万元 / revenue CNY 12m",
                "新增机房一处 / one new data centre",
                "投诉率0.01% / complaint rate 0.01%",
                "等保三级 / MLPS level 3",
                "无违规 / no breaches",
                null,
                Set.of(2),
                true,
                false,
                AnnualReportForm.COMMITMENT_ZH);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aLicenceWithAMissingAnnualReportLandsOnTheBadListAfterTheDeadline(Database database) {
        var clock = new MutableClock(Instant.parse("2025-04-30T04:00:00Z"));
        var r = reports(database, clock);
        var licence = held(r.module());

        assertThat(r.reports().runOnce()).as("on the deadline day").isZero();
        assertThat(r.lists().of(USCC, LocalDate.of(2025, 4, 30))).isEmpty();

        clock.set(Instant.parse("2025-05-01T04:00:00Z"));
        assertThat(r.reports().runOnce()).as("the day after the deadline").isEqualTo(1);
        assertThat(r.reports().runOnce()).as("again the same day").isEqualTo(-1);
        clock.set(Instant.parse("2025-05-02T04:00:00Z"));
        assertThat(r.reports().runOnce()).as("the next day: listed once only").isZero();

        var entry = r.lists().entries(CreditList.BAD).getFirst();
        assertThat(entry.operator()).isEqualTo("临港云数据有限公司");
        assertThat(entry.uscc()).isEqualTo(USCC);
        assertThat(entry.licenceNumber()).isEqualTo(licence.number());
        assertThat(entry.listedOn()).isEqualTo(LocalDate.of(2025, 5, 1));
        assertThat(entry.reason()).contains("2024").contains("第三十八条");
        assertThat(entry.authority()).contains("MIIT");
        assertThat(r.lists().of(USCC, LocalDate.of(2025, 5, 2))).containsExactly(CreditStatus.BAD_LIST);
        assertThat(r.events()).filteredOn(CreditListChanged.class::isInstance).hasSize(1);

        r.reports().submit(APPLICANT, licence.id(), 2024, complete());
        assertThat(r.lists().of(USCC, LocalDate.of(2025, 5, 2)))
                .as("filing alone does not take it off")
                .containsExactly(CreditStatus.BAD_LIST);

        clock.set(Instant.parse("2025-05-06T04:00:00Z"));
        var confirmed = r.reports().confirm(REGISTRAR, licence.id(), 2024);

        assertThat(confirmed.status()).isEqualTo(AnnualReport.Status.CONFIRMED);
        assertThat(r.lists().of(USCC, LocalDate.of(2025, 5, 6))).isEmpty();
        assertThat(r.lists().of(USCC, LocalDate.of(2025, 5, 5))).containsExactly(CreditStatus.BAD_LIST);
        var removed = r.lists().entries(CreditList.BAD).getFirst();
        assertThat(removed.removedOn()).isEqualTo(LocalDate.of(2025, 5, 6));
        assertThat(removed.removalReason()).contains("art. 38");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void demoLicencesAndLicencesWithoutAnAccountAreNotListed(Database database) {
        var clock = new MutableClock(Instant.parse("2025-05-01T04:00:00Z"));
        var r = reports(database, clock);
        r.module().licences().record(List.of(existing("B2-20230001", "甲公司")), "system");

        assertThat(r.reports().sweep(LocalDate.of(2025, 5, 1))).isZero();
        assertThat(r.lists().entries(CreditList.BAD)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aReportFiledInTimeKeepsTheOperatorOffTheList(Database database) {
        var clock = new MutableClock(Instant.parse("2025-02-10T04:00:00Z"));
        var r = reports(database, clock);
        var licence = held(r.module());
        var draft = new AnnualReportForm("营业收入 / revenue", null, null, null, null, null, Set.of(), false, false, null);

        r.reports().saveDraft(APPLICANT, licence.id(), 2024, draft);
        assertThat(r.reports().find(APPLICANT, licence.id(), 2024))
                .hasValueSatisfying(d -> assertThat(d.status()).isEqualTo(AnnualReport.Status.DRAFT));
        var submitted = r.reports().submit(APPLICANT, licence.id(), 2024, complete());
        clock.set(Instant.parse("2025-05-01T04:00:00Z"));

        assertThat(r.reports().runOnce()).isZero();
        assertThat(submitted.form().publicItems()).containsOnlyKeys(1, 3, 5);
        assertThatThrownBy(() -> r.reports().saveDraft(APPLICANT, licence.id(), 2024, draft))
                .isInstanceOfSatisfying(
                        LicenceRefused.class, e -> assertThat(e.kind()).isEqualTo(LicenceRefused.Kind.CONFLICT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anIncompleteReportIsRefusedNamingEveryFieldAndOnlyTheHolderFiles(Database database) {
        var clock = new MutableClock(Instant.parse("2025-02-10T04:00:00Z"));
        var r = reports(database, clock);
        var licence = held(r.module());
        var incomplete = new AnnualReportForm("营业收入", " ", null, "等保", null, null, Set.of(4), false, false, "我承诺");

        assertThatThrownBy(() -> r.reports().submit(APPLICANT, licence.id(), 2024, incomplete))
                .isInstanceOfSatisfying(
                        LicenceRefused.class,
                        e -> assertThat(new ArrayList<>(e.problems()))
                                .extracting(LicenceRefused.Problem::field)
                                .containsExactlyInAnyOrder(
                                        "tradeSecrets",
                                        "networkAndChanges",
                                        "serviceQuality",
                                        "compliance",
                                        "commitment"));
        var other = user("applicant.b", Role.APPLICANT, OrganisationId.random());
        assertThatThrownBy(() -> r.reports().submit(other, licence.id(), 2024, complete()))
                .isInstanceOfSatisfying(
                        LicenceRefused.class, e -> assertThat(e.kind()).isEqualTo(LicenceRefused.Kind.NOT_FOUND));
        assertThatThrownBy(() -> r.reports().submit(APPLICANT, licence.id(), 2025, complete()))
                .as("a year not yet over")
                .isInstanceOfSatisfying(
                        LicenceRefused.class, e -> assertThat(e.kind()).isEqualTo(LicenceRefused.Kind.CONFLICT));
        assertThatThrownBy(() -> r.reports().confirm(REGISTRAR, licence.id(), 2024))
                .as("nothing submitted")
                .isInstanceOf(LicenceRefused.class);
    }
}
