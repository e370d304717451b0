package org.kaifang.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kaifang.accounts.Role;
import org.kaifang.applications.ActionRefused;
import org.kaifang.applications.Actor;
import org.kaifang.applications.ApplicationType;
import org.kaifang.applications.Applications;
import org.kaifang.applications.LicenceApplication;
import org.kaifang.applications.Verdict;
import org.kaifang.audit.Verification.Broken;
import org.kaifang.audit.Verification.Intact;
import org.kaifang.audit.Verification.Problem;
import org.kaifang.screening.AlertStatus;
import org.kaifang.screening.Party;
import org.kaifang.screening.Screening;
import org.kaifang.screening.ScreeningReviews;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The trail fed by real state changes: an application's whole journey through {@link Applications} and a screening
 * review each leave one record per step, in the same transaction, chained by the chainer once they commit; a row edited
 * in the database is found, and only that row (the audit tamper test of issue 5).
 */
// The chainer's periodic run is pushed out of the way: every record these tests read was chained because its
// transaction's commit woke the chainer.
@SpringBootTest(
        properties = {"spring.datasource.url=jdbc:h2:mem:audit-it;DB_CLOSE_DELAY=-1", "kaifang.audit.chain-interval=1h"
        })
@Import(AuditTrailIntegrationTests.FixedClock.class)
class AuditTrailIntegrationTests {

    static final String COMPANY = "org-harbour";
    static final String REGULATOR = "org-miit";
    static final Actor APPLICANT = new Actor("u-applicant", "applicant.h", "王芳", COMPANY, Set.of(Role.APPLICANT));
    static final Actor OFFICER = new Actor("u-officer", "officer.s", "张伟", REGULATOR, Set.of(Role.CASE_OFFICER));
    static final Actor APPROVER = new Actor("u-approver", "approver.s", "陈静", REGULATOR, Set.of(Role.APPROVER));

    static final String REQUEST = """
            {"asOf":"2025-06-02",
             "applicant":{"name":"Harbour Cloud (Shanghai) Co., Ltd.","uscc":"91310115MA1H7AB3C3","seat":"310115",
                          "zones":["CN-SH-LINGANG"],"registeredCapitalCny":10000000,"creditStatus":[]},
             "foreignEquityPercent":100,"ownership":null,
             "services":[{"code":"B11","item":"IRCS","coverage":["CN"],"facilities":["310115"],"content":[]}]}
            """;

    /** A working Monday inside the calendar's years, so that every statutory clock can be computed. */
    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2025-06-02T02:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    Applications applications;

    @Autowired
    ScreeningReviews reviews;

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyTransitionOfAnApplicationLeavesOneChainedRecord() {
        var decided = journey();
        var id = decided.id().toString();
        AuditFixtures.awaitChained(trail);

        var records = trail.recent(id, 0).reversed();

        assertThat(records)
                .extracting(AuditRecord::action)
                .containsExactly(
                        "create",
                        "submit",
                        "request-correction",
                        "resubmit",
                        "accept",
                        "start-review",
                        "recommend-approve",
                        "decide-approve");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.module()).isEqualTo("applications");
            assertThat(r.subject()).isEqualTo(new Subject("application", id));
        });
        var correction = records.get(2);
        assertThat(correction.actor()).isEqualTo(new AuditActor("u-officer", "officer.s", null));
        assertThat(correction.before()).isEqualTo("{\"status\":\"SUBMITTED\",\"version\":2}");
        assertThat(correction.after())
                .isEqualTo("{\"status\":\"CORRECTION_REQUESTED\",\"version\":3,\"type\":\"NEW_LICENCE\","
                        + "\"applicant\":\"org-harbour\",\"reason\":\"The ICP commitment letter is missing\"}");
        assertThat(records.getFirst().before()).isNull();
        assertThat(records.getLast().actor().name()).isEqualTo("approver.s");
        assertThat(trail.verify()).isInstanceOf(Intact.class);
    }

    @Test
    void findsExactlyTheRowEditedInTheDatabase() {
        var decided = journey();
        AuditFixtures.awaitChained(trail);
        var records = trail.recent(decided.id().toString(), 0);
        var decision = records.getFirst();
        assertThat(decision.after()).contains("\"status\":\"APPROVED\"");

        jdbc.sql("update audit.audit_record set after_summary = :forged where seq = :seq")
                .param("forged", decision.after().replace("APPROVED", "REFUSED"))
                .param("seq", decision.sequence())
                .update();
        try {
            var result = trail.verify();

            assertThat(result).isInstanceOf(Broken.class);
            var broken = (Broken) result;
            assertThat(broken.sequence()).isEqualTo(decision.sequence());
            assertThat(broken.problem()).isEqualTo(Problem.ALTERED);
            assertThat(broken.checked()).isEqualTo(decision.sequence() - 1);
            assertThat(broken.detail()).startsWith("Record " + decision.sequence() + " was changed");
        } finally {
            jdbc.sql("update audit.audit_record set after_summary = :original where seq = :seq")
                    .param("original", decision.after())
                    .param("seq", decision.sequence())
                    .update();
        }
        assertThat(trail.verify()).isInstanceOf(Intact.class);
    }

    @Test
    void aRefusedTransitionLeavesNoRecord() {
        var draft = applications.create(APPLICANT, ApplicationType.NEW_LICENCE, "Harbour Cloud", REQUEST, null);
        AuditFixtures.awaitChained(trail);
        var before = trail.head();

        assertThatThrownBy(() -> applications.submit(APPLICANT, draft.id(), draft.version() + 5))
                .isInstanceOf(ActionRefused.class);
        assertThatThrownBy(() -> applications.accept(OFFICER, draft.id(), draft.version()))
                .isInstanceOf(ActionRefused.class);

        assertThat(trail.pending()).isZero();
        assertThat(trail.head()).isEqualTo(before);
    }

    @Test
    void aChangeWhoseRecordCannotBeWrittenIsRolledBack() {
        var draft = applications.create(APPLICANT, ApplicationType.NEW_LICENCE, "Harbour Cloud", REQUEST, null);
        AuditFixtures.awaitChained(trail);
        var head = trail.head();
        // The trail refuses any further record, as a full disk or a lost connection would.
        jdbc.sql("alter table audit.pending_record add constraint audit_closed check (module = 'closed')")
                .update();
        try {
            assertThatThrownBy(() -> applications.submit(APPLICANT, draft.id(), draft.version()))
                    .isInstanceOf(RuntimeException.class);
        } finally {
            jdbc.sql("alter table audit.pending_record drop constraint audit_closed")
                    .update();
        }

        var after = applications.get(APPLICANT, draft.id());
        assertThat(after.version()).isEqualTo(draft.version());
        assertThat(after.status()).isEqualTo(draft.status());
        assertThat(trail.pending()).isZero();
        assertThat(trail.head()).isEqualTo(head);
    }

    @Test
    void screeningReviewActionsAreRecorded() {
        var raised = reviews.raise(
                        Screening.builtIn().screen(Party.named("Exovera"), LocalDate.of(2025, 6, 1)),
                        "officer.s",
                        Instant.parse("2025-06-02T03:00:00Z"))
                .getFirst()
                .alert();
        reviews.decide(
                raised.id(),
                AlertStatus.DISMISSED,
                "Different firm",
                "officer.s",
                Instant.parse("2025-06-02T04:00:00Z"));
        AuditFixtures.awaitChained(trail);

        var records = trail.recent(raised.id().toString(), 0).reversed();

        assertThat(records).extracting(AuditRecord::action).containsExactly("RAISED", "DISMISSED");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.module()).isEqualTo("screening");
            assertThat(r.subject().type()).isEqualTo("screening-alert");
            assertThat(r.actor().name()).isEqualTo("officer.s");
        });
        assertThat(records.getFirst().before()).isNull();
        assertThat(records.getLast().before()).isEqualTo("{\"status\":\"OPEN\"}");
        assertThat(records.getLast().after()).contains("\"status\":\"DISMISSED\"", "\"reason\":\"Different firm\"");
        assertThat(trail.verify()).isInstanceOf(Intact.class);
    }

    @Test
    void concurrentTransitionsKeepOneChain() throws Exception {
        AuditFixtures.awaitChained(trail);
        var before = trail.head().sequence();
        var threads = 4;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            var journeys = new java.util.ArrayList<java.util.concurrent.Future<LicenceApplication>>();
            for (int i = 0; i < threads; i++) {
                journeys.add(pool.submit(this::journey));
            }
            for (var j : journeys) {
                assertThat(j.get().status()).isEqualTo(org.kaifang.applications.ApplicationStatus.APPROVED);
            }
        } finally {
            pool.shutdown();
        }
        AuditFixtures.awaitChained(trail);

        var records = jdbc.sql("select seq, previous_hash from audit.audit_record where seq > :before order by seq")
                .param("before", before)
                .query((rs, i) -> java.util.Map.entry(rs.getLong("seq"), rs.getString("previous_hash")))
                .list();
        // Eight transitions per journey, and the licence the approval issues (licensing's ISSUED record).
        var perJourney = 9;
        assertThat(records).hasSize(threads * perJourney);
        assertThat(records.stream().map(java.util.Map.Entry::getValue).distinct())
                .hasSize(threads * perJourney);
        assertThat(trail.head().sequence()).isEqualTo(before + threads * perJourney);
        assertThat(trail.verify()).isInstanceOf(Intact.class);
    }

    private LicenceApplication journey() {
        var a = applications.create(APPLICANT, ApplicationType.NEW_LICENCE, "Harbour Cloud", REQUEST, null);
        a = applications.submit(APPLICANT, a.id(), a.version());
        a = applications.requestCorrection(OFFICER, a.id(), a.version(), "The ICP commitment letter is missing");
        a = applications.resubmit(APPLICANT, a.id(), a.version());
        a = applications.accept(OFFICER, a.id(), a.version());
        a = applications.startReview(OFFICER, a.id(), a.version());
        a = applications.recommend(OFFICER, a.id(), a.version(), Verdict.APPROVE, "All conditions met");
        return applications.decide(APPROVER, a.id(), a.version(), Verdict.APPROVE, "Approved as recommended");
    }
}
