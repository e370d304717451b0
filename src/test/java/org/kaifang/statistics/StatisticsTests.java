package org.kaifang.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kaifang.applications.ApplicationChanged;
import org.kaifang.applications.ApplicationId;
import org.kaifang.applications.ApplicationStatus;
import org.kaifang.applications.ApplicationType;
import org.kaifang.licensing.AnnualReport;
import org.kaifang.licensing.AnnualReportChanged;
import org.kaifang.licensing.CreditList;
import org.kaifang.licensing.CreditListChanged;
import org.kaifang.licensing.CreditListEntry;
import org.kaifang.licensing.LicenceChange;
import org.kaifang.licensing.LicenceChanged;
import org.kaifang.licensing.LicenceId;
import org.kaifang.licensing.LicenceKind;
import org.kaifang.licensing.LicenceStatus;
import org.kaifang.licensing.LicenceView;
import org.kaifang.licensing.LicensedService;
import org.kaifang.licensing.Termination;
import org.kaifang.rules.RuleCatalogue;
import org.kaifang.rules.RulePackLoader;
import org.kaifang.screening.ListRef;
import org.kaifang.screening.ReviewAction;
import org.kaifang.screening.ScreeningReviewed;
import org.kaifang.testing.Databases;
import org.kaifang.testing.Databases.Database;

/** The read models kept from events, and the figures read from them, on H2 and PostgreSQL. */
class StatisticsTests {

    static final Instant NOW = Instant.parse("2025-03-01T04:00:00Z");
    static final RuleCatalogue RULES = RuleCatalogue.of(RulePackLoader.fromDirectory(Path.of("rules/telecom-vas")));

    static Stream<Database> databases() {
        return Databases.all().stream();
    }

    record Module(StatisticsStore store, StatisticsUpdates updates, Statistics statistics) {}

    static Module module(Database db) {
        var store = new StatisticsStore(db.dataSource());
        return new Module(
                store, new StatisticsUpdates(store), new Statistics(store, RULES, Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    static LicenceView licence(
            String id,
            long version,
            @Nullable String uscc,
            boolean foreign,
            LocalDate issued,
            LicenceStatus status,
            @Nullable LocalDate ended,
            List<LicensedService> services) {
        return new LicenceView(
                new LicenceId(id),
                LicenceKind.LICENCE,
                "B2-" + id,
                "示例公司" + id,
                null,
                uscc,
                null,
                null,
                null,
                id.startsWith("P") ? "310000" : "MIIT",
                foreign,
                false,
                null,
                services,
                issued,
                issued,
                issued.plusYears(5).minusDays(1),
                status,
                List.of(),
                ended == null ? null : new Termination(status, "reason", "电信业务经营许可管理办法 第四十三条", ended),
                null,
                false,
                null,
                version);
    }

    static LicenceView pilot(String id, String area, String division, LocalDate on) {
        return new LicenceView(
                new LicenceId(id),
                LicenceKind.PILOT_APPROVAL,
                null,
                "试点公司" + id,
                null,
                null,
                null,
                null,
                null,
                "MIIT",
                true,
                true,
                area,
                List.of(
                        new LicensedService("B14", "USER_ACCESS", List.of(division)),
                        new LicensedService("B25", "PUBLISHING_PLATFORM", List.of(division))),
                on,
                on,
                null,
                LicenceStatus.NORMAL,
                List.of("pilot"),
                null,
                null,
                false,
                null,
                1);
    }

    static LicenceChanged changed(LicenceView v) {
        return new LicenceChanged(
                v, v.version() == 1 ? LicenceChange.RECORDED : LicenceChange.REVOKED, "system", NOW, null);
    }

    static final List<LicensedService> IDC_SHANGHAI = List.of(new LicensedService("B11", "IDC", List.of("310100")));
    static final List<LicensedService> ICP_CN = List.of(new LicensedService("B25", null, List.of("CN")));

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void countsForeignInvestedEnterprisesOverTimeWithYearOnYearGrowth(Database db) {
        var m = module(db);
        // Two licences of one holder count once; a revoked licence stops counting on its termination day.
        m.updates().on(changed(licence("A1", 1, "U1", true, d("2023-02-01"), LicenceStatus.NORMAL, null, ICP_CN)));
        m.updates()
                .on(changed(licence("A2", 1, "U1", true, d("2024-05-01"), LicenceStatus.NORMAL, null, IDC_SHANGHAI)));
        m.updates().on(changed(licence("B1", 1, "U2", true, d("2023-06-01"), LicenceStatus.NORMAL, null, ICP_CN)));
        m.updates().on(changed(licence("C1", 1, null, true, d("2024-03-01"), LicenceStatus.NORMAL, null, ICP_CN)));
        m.updates().on(changed(licence("D1", 1, "U4", false, d("2020-01-01"), LicenceStatus.NORMAL, null, ICP_CN)));
        m.updates()
                .on(changed(
                        licence("B1", 2, "U2", true, d("2023-06-01"), LicenceStatus.REVOKED, d("2024-10-01"), ICP_CN)));

        var figure = m.statistics().figure("enterprises", new DateRange(null, d("2025-02-28")), null);

        assertThat(figure.column("period")).containsExactly("2023", "2024", "2025-02-28");
        assertThat(figure.column("enterprises")).containsExactly(2, 2, 2);
        assertThat(figure.headline()).containsEntry("enterprises", 2).containsEntry("yearBefore", 2);
        var quarters = m.statistics().figure("enterprises", new DateRange(d("2024-01-01"), d("2024-12-31")), "quarter");
        assertThat(quarters.column("period")).containsExactly("2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4");
        assertThat(quarters.column("enterprises")).containsExactly(3, 3, 3, 2);
        // 2024-Q1: U1, U2 and C against U1 alone a year before.
        assertThat(quarters.column("yearOnYearPercent").getFirst()).isEqualTo(new BigDecimal("200.0"));
        assertThat(figure.definition()).contains("distinct holders");
        assertThat(figure.asOf()).isEqualTo(NOW);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRedeliveredOrStaleEventChangesNothingAndTheCountersAgreeWithARebuild(Database db) {
        var m = module(db);
        var v1 = licence("A1", 1, "U1", true, d("2024-02-01"), LicenceStatus.NORMAL, null, IDC_SHANGHAI);
        var v2 = licence("A1", 2, "U1", true, d("2024-02-01"), LicenceStatus.REVOKED, d("2024-08-01"), IDC_SHANGHAI);
        var other = licence("P2", 1, "U2", false, d("2024-03-01"), LicenceStatus.NORMAL, null, ICP_CN);
        m.updates().on(changed(v1));
        m.store().applyLicences(List.of(changed(v2), changed(other), changed(v1)));
        var kept = m.store().tallies();
        m.updates().on(changed(v2));
        m.updates().on(changed(v1));

        assertThat(m.store().tallies()).isEqualTo(kept);
        var licences = m.statistics().figure("licences", new DateRange(null, d("2024-12-31")), null);
        assertThat(licences.headline()).containsEntry("licences", 1L).containsEntry("foreignInvested", 0L);
        assertThat(licences.rowsWhere("dimension", "authority"))
                .singleElement()
                .satisfies(r -> assertThat(r).containsEntry("key", "310000"));
        // In force in July 2024, the revoked licence counts under its service, item, area and authority.
        var july = m.statistics().figure("licences", new DateRange(d("2024-01-01"), d("2024-07-31")), null);
        assertThat(july.rows())
                .contains(
                        Map.of("dimension", "service", "key", "B11", "licences", 1L, "foreignInvested", 1L),
                        Map.of("dimension", "item", "key", "B11/IDC", "licences", 1L, "foreignInvested", 1L),
                        Map.of("dimension", "area", "key", "310000", "licences", 1L, "foreignInvested", 1L),
                        Map.of("dimension", "area", "key", "CN", "licences", 1L, "foreignInvested", 0L));
        m.statistics().rebuildCounters();
        assertThat(m.store().tallies()).isEqualTo(kept);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void countsPilotApprovalsByAreaServiceAndBatch(Database db) {
        var m = module(db);
        m.store()
                .applyLicences(List.of(
                        changed(pilot("S1", "CN-PILOT-SH", "310115", d("2025-02-26"))),
                        changed(pilot("S2", "CN-PILOT-SH", "310115", d("2025-02-26"))),
                        changed(pilot("B1", "CN-PILOT-BJ", "110000", d("2025-02-28")))));

        var pilots = m.statistics().figure("pilots", new DateRange(d("2025-01-01"), d("2025-02-28")), null);

        assertThat(pilots.headline()).containsEntry("approvals", 3L).containsEntry("areas", 2L);
        assertThat(pilots.rowsWhere("dimension", "batch"))
                .extracting(r -> r.get("key"), r -> r.get("approvals"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2025-02-26", 2L),
                        org.assertj.core.groups.Tuple.tuple("2025-02-28", 1L));
        assertThat(pilots.rowsWhere("dimension", "service"))
                .extracting(r -> r.get("key"))
                .containsExactly("B14/USER_ACCESS", "B25/PUBLISHING_PLATFORM");
        assertThat(m.statistics()
                        .figure("pilots", new DateRange(null, d("2024-12-31")), null)
                        .rows())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void processingTimesAgainstTheStatutoryDueDatesWithPauses(Database db) {
        var m = module(db);
        var onTime = ApplicationId.random();
        var late = ApplicationId.random();
        var open = ApplicationId.random();
        journey(m, onTime, "2025-01-02", "2025-01-09", "2025-01-09", "2025-02-20", "2025-03-31", null);
        journey(m, late, "2025-01-02", "2025-01-03", "2025-01-20", "2025-04-30", "2025-04-01", "2025-01-10");
        event(m, open, 1, "submit", ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED, "2025-02-01", null);

        var figure = m.statistics().figure("processing-times", new DateRange(d("2025-01-01"), d("2025-12-31")), null);

        var all = figure.rowsWhere("type", "ALL").getFirst();
        assertThat(all)
                .containsEntry("decided", 2)
                .containsEntry("late", 1L)
                .containsEntry("paused", 1)
                .containsEntry("medianPausedDays", 8)
                .containsEntry("medianDays", 49)
                .containsEntry("p90Days", 118);
        assertThat(all.get("lateSharePercent")).isEqualTo(new BigDecimal("50.0"));
        // Redelivered: nothing counted twice.
        event(m, late, 6, "decide", ApplicationStatus.RECOMMENDED, ApplicationStatus.APPROVED, "2025-04-30", null);
        assertThat(m.statistics()
                        .figure("processing-times", new DateRange(null, d("2025-12-31")), null)
                        .headline())
                .containsEntry("decided", 2);
    }

    private static void journey(
            Module m,
            ApplicationId id,
            String submitted,
            String acceptanceDue,
            String accepted,
            String decided,
            String decisionDue,
            @Nullable String correction) {
        var v = 1L;
        event(m, id, v++, "submit", ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED, submitted, acceptanceDue);
        if (correction != null) {
            event(
                    m,
                    id,
                    v++,
                    "request-correction",
                    ApplicationStatus.SUBMITTED,
                    ApplicationStatus.CORRECTION_REQUESTED,
                    correction,
                    null);
            event(
                    m,
                    id,
                    v++,
                    "resubmit",
                    ApplicationStatus.CORRECTION_REQUESTED,
                    ApplicationStatus.SUBMITTED,
                    LocalDate.parse(correction).plusDays(8).toString(),
                    acceptanceDue);
        }
        var accept = new ApplicationChanged(
                id,
                v++,
                ApplicationType.NEW_LICENCE,
                "org",
                "accept",
                ApplicationStatus.SUBMITTED,
                ApplicationStatus.ACCEPTED,
                "u",
                "officer",
                at(accepted),
                null,
                d(acceptanceDue),
                d(decisionDue));
        m.updates().on(accept);
        event(m, id, v++, "recommend", ApplicationStatus.UNDER_REVIEW, ApplicationStatus.RECOMMENDED, decided, null);
        event(m, id, v, "decide", ApplicationStatus.RECOMMENDED, ApplicationStatus.APPROVED, decided, null);
    }

    private static void event(
            Module m,
            ApplicationId id,
            long version,
            String action,
            ApplicationStatus from,
            ApplicationStatus to,
            String on,
            @Nullable String acceptanceDue) {
        m.updates()
                .on(new ApplicationChanged(
                        id,
                        version,
                        ApplicationType.NEW_LICENCE,
                        "org",
                        action,
                        from,
                        to,
                        "u",
                        "user",
                        at(on),
                        null,
                        acceptanceDue == null ? null : d(acceptanceDue),
                        null));
    }

    static Instant at(String day) {
        return d(day).atTime(10, 0).toInstant(ZoneOffset.ofHours(8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void screeningHitsConfirmationsAndDismissalsByMonthCountedOnce(Database db) {
        var m = module(db);
        var list = new ListRef("cn-unreliable", "1", "abc");
        var one = UUID.randomUUID();
        var two = UUID.randomUUID();
        m.updates().on(review(one, ReviewAction.Kind.RAISED, null, "2025-01-05", list));
        m.updates().on(review(two, ReviewAction.Kind.RAISED, null, "2025-01-06", list));
        m.updates()
                .on(review(
                        one, ReviewAction.Kind.CONFIRMED, org.kaifang.screening.AlertStatus.OPEN, "2025-02-01", list));
        m.updates()
                .on(review(
                        two, ReviewAction.Kind.DISMISSED, org.kaifang.screening.AlertStatus.OPEN, "2025-02-03", list));
        m.updates()
                .on(review(
                        two, ReviewAction.Kind.DISMISSED, org.kaifang.screening.AlertStatus.OPEN, "2025-02-03", list));

        var figure = m.statistics().figure("screening", new DateRange(null, d("2025-02-28")), null);

        assertThat(figure.rows())
                .containsExactly(
                        Map.of("month", "2025-01", "hits", 2L, "confirmed", 0L, "dismissed", 0L),
                        Map.of("month", "2025-02", "hits", 0L, "confirmed", 1L, "dismissed", 1L));
        assertThat(m.statistics()
                        .figure("screening", new DateRange(d("2025-02-01"), d("2025-02-28")), null)
                        .headline())
                .containsEntry("hits", 0L)
                .containsEntry("dismissed", 1L);
    }

    static ScreeningReviewed review(
            UUID alert,
            ReviewAction.Kind kind,
            org.kaifang.screening.@Nullable AlertStatus from,
            String on,
            ListRef list) {
        var to = switch (kind) {
            case RAISED -> org.kaifang.screening.AlertStatus.OPEN;
            case CONFIRMED -> org.kaifang.screening.AlertStatus.CONFIRMED;
            case DISMISSED -> org.kaifang.screening.AlertStatus.DISMISSED;
        };
        return new ScreeningReviewed(alert, kind, from, to, "officer", at(on), list, "e1", null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void creditListsAndAnnualReportCompliance(Database db) {
        var m = module(db);
        var entry = new CreditListEntry(
                "E1", CreditList.BAD, "某公司", null, null, d("2024-05-06"), "late report", "MIIT", null, null, false);
        m.updates().on(new CreditListChanged(entry, at("2024-05-06")));
        var removed = new CreditListEntry(
                "E1",
                CreditList.BAD,
                "某公司",
                null,
                null,
                d("2024-05-06"),
                "late report",
                "MIIT",
                d("2024-07-01"),
                "filed",
                false);
        m.updates().on(new CreditListChanged(removed, at("2024-07-01")));
        m.updates().on(new CreditListChanged(entry, at("2024-05-06")));
        var dishonest = new CreditListEntry(
                "E2", CreditList.DISHONEST, "另一公司", null, null, d("2024-09-01"), "fraud", "MIIT", null, null, false);
        m.updates().on(new CreditListChanged(dishonest, at("2024-09-01")));

        var lists = m.statistics().figure("credit-lists", new DateRange(d("2024-06-01"), d("2024-12-31")), null);
        assertThat(lists.rows())
                .containsExactly(
                        Map.of("list", "BAD", "listed", 0L, "removed", 1L, "onList", 0L),
                        Map.of("list", "DISHONEST", "listed", 1L, "removed", 0L, "onList", 1L));

        // Three licences held by Kaifang organisations had to report on 2024: one on time, one late, one missing.
        for (var id : List.of("R1", "R2", "R3")) {
            var v = licence(id, 1, "U" + id, true, d("2023-01-01"), LicenceStatus.NORMAL, null, ICP_CN);
            m.updates().on(changed(withOrganisation(v)));
        }
        m.updates()
                .on(new AnnualReportChanged(
                        new LicenceId("R1"), 2024, AnnualReport.Status.DRAFT, null, null, at("2025-01-10")));
        m.updates()
                .on(new AnnualReportChanged(
                        new LicenceId("R1"),
                        2024,
                        AnnualReport.Status.SUBMITTED,
                        at("2025-03-02"),
                        null,
                        at("2025-03-02")));
        m.updates()
                .on(new AnnualReportChanged(
                        new LicenceId("R1"),
                        2024,
                        AnnualReport.Status.CONFIRMED,
                        at("2025-03-02"),
                        at("2025-03-05"),
                        at("2025-03-05")));
        m.updates()
                .on(new AnnualReportChanged(
                        new LicenceId("R1"),
                        2024,
                        AnnualReport.Status.SUBMITTED,
                        at("2025-03-02"),
                        null,
                        at("2025-03-02")));
        m.updates()
                .on(new AnnualReportChanged(
                        new LicenceId("R2"),
                        2024,
                        AnnualReport.Status.SUBMITTED,
                        at("2025-04-10"),
                        null,
                        at("2025-04-10")));

        var reports = m.statistics().figure("annual-reports", new DateRange(d("2024-01-01"), d("2025-06-30")), null);
        assertThat(reports.rows())
                .singleElement()
                .satisfies(r -> assertThat(r)
                        .containsEntry("year", 2024)
                        .containsEntry("due", 3L)
                        .containsEntry("inWindow", 1L)
                        .containsEntry("late", 1L)
                        .containsEntry("confirmed", 1L)
                        .containsEntry("missing", 1L));
    }

    static LicenceView withOrganisation(LicenceView v) {
        return new LicenceView(
                v.id(),
                v.kind(),
                v.number(),
                v.holder(),
                v.holderEn(),
                v.uscc(),
                "org-1",
                v.legalRepresentative(),
                v.registeredCapitalCny(),
                v.authority(),
                v.foreignInvested(),
                v.pilot(),
                v.pilotArea(),
                v.services(),
                v.issuedOn(),
                v.validFrom(),
                v.validUntil(),
                v.status(),
                v.conditions(),
                v.termination(),
                v.application(),
                v.synthetic(),
                v.source(),
                v.version());
    }
}
