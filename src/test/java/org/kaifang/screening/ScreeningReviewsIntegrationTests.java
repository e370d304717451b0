package org.kaifang.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The review queue against the database: raising, deciding once with a reason, remembering, and the audit trail. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:screening-reviews-it;DB_CLOSE_DELAY=-1")
class ScreeningReviewsIntegrationTests {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 1);
    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    @Autowired
    ScreeningReviews reviews;

    @Autowired
    JdbcClient jdbc;

    private final Screening screening = Screening.builtIn();

    /** A name no other test of this class screens, so that tests do not see each other's decisions. */
    private static String cubic(String suffix) {
        return "Cubic Corporation " + suffix;
    }

    @Test
    void aMatchRaisesOneOpenAlertAndScreeningTheSameNameAgainReturnsIt() {
        var first = reviews.raise(screening.screen(Party.named("Exovera"), AS_OF), "officer", NOW);
        var again = reviews.raise(screening.screen(Party.named("EXOVERA."), AS_OF), "officer", NOW.plusSeconds(5));

        assertThat(first).hasSize(1);
        var alert = first.getFirst().alert();
        assertThat(alert.status()).isEqualTo(AlertStatus.OPEN);
        assertThat(alert.list()).isEqualTo(screening.list());
        assertThat(alert.entryId()).isEqualTo("exovera");
        assertThat(again.getFirst().alert().id()).isEqualTo(alert.id());
        assertThat(again.getFirst().remembered()).isFalse();
    }

    @Test
    void aClearNameRaisesNothing() {
        assertThat(reviews.raise(screening.screen(Party.named("Harbour Cloud (Shanghai) Co., Ltd."), AS_OF), "o", NOW))
                .isEmpty();
    }

    @Test
    void aDismissalNeedsAReasonIsFinalAndIsRememberedForTheSameNameAndListVersion() {
        var raised = reviews.raise(screening.screen(Party.named("Planate Management Group"), AS_OF), "officer", NOW)
                .getFirst()
                .alert();

        var missing = catchThrowableOfType(
                InvalidReview.class,
                () -> reviews.decide(raised.id(), AlertStatus.DISMISSED, "  ", "officer", NOW.plusSeconds(1)));
        assertThat(missing.problems()).extracting(InvalidReview.Problem::field).containsExactly("reason");
        assertThat(reviews.find(raised.id()).orElseThrow().status()).isEqualTo(AlertStatus.OPEN);

        var dismissed = reviews.decide(
                raised.id(),
                AlertStatus.DISMISSED,
                "Different company: USCC 91310000XXXX",
                "approver",
                NOW.plusSeconds(2));
        assertThat(dismissed.status()).isEqualTo(AlertStatus.DISMISSED);

        var twice = catchThrowableOfType(
                InvalidReview.class,
                () -> reviews.decide(raised.id(), AlertStatus.CONFIRMED, "changed my mind", "officer", NOW));
        assertThat(twice.problems()).extracting(InvalidReview.Problem::field).contains("status");

        var next = reviews.raise(
                        screening.screen(Party.named("planate management group"), AS_OF), "someone", NOW.plusSeconds(9))
                .getFirst();
        assertThat(next.remembered()).isTrue();
        assertThat(next.alert().id()).isEqualTo(raised.id());
        assertThat(next.alert().decision().orElseThrow().reason()).isEqualTo("Different company: USCC 91310000XXXX");
        assertThat(next.alert().decision().orElseThrow().officer()).isEqualTo("approver");

        var stored = reviews.find(raised.id()).orElseThrow();
        assertThat(stored.history())
                .extracting(ReviewAction::kind)
                .containsExactly(ReviewAction.Kind.RAISED, ReviewAction.Kind.DISMISSED);
        var rows = jdbc.sql("select count(*) from screening.review_action where alert_id = :id")
                .param("id", raised.id())
                .query(Long.class)
                .single();
        assertThat(rows).isEqualTo(2);
    }

    @Test
    void aNewListVersionAsksAgain() {
        var name = cubic("Holdings");
        var raised = reviews.raise(screening.screen(Party.named(name), AS_OF), "officer", NOW)
                .getFirst()
                .alert();
        reviews.decide(raised.id(), AlertStatus.DISMISSED, "not the listed Cubic", "officer", NOW.plusSeconds(1));
        var data = screening.data().getFirst();
        var newer = new Screening(
                new RestrictedPartyList(
                        new ListRef(
                                data.ref().id(),
                                data.ref().version() + "-next",
                                data.ref().digest()),
                        data.entries()),
                Thresholds.DEFAULT);

        var next = reviews.raise(newer.screen(Party.named(name), AS_OF), "officer", NOW.plusSeconds(2))
                .getFirst();

        assertThat(next.remembered()).isFalse();
        assertThat(next.alert().id()).isNotEqualTo(raised.id());
        assertThat(next.alert().status()).isEqualTo(AlertStatus.OPEN);
    }

    @Test
    void anUnknownAlertIsNotFound() {
        var id = UUID.randomUUID();
        assertThat(catchThrowableOfType(
                        AlertNotFound.class, () -> reviews.decide(id, AlertStatus.CONFIRMED, "x", "o", NOW)))
                .hasMessageContaining(id.toString());
    }

    @Test
    void confirmedAlertsLeaveTheOpenQueue() {
        var raised = reviews.raise(screening.screen(Party.named("TextOre"), AS_OF), "officer", NOW)
                .getFirst()
                .alert();
        assertThat(reviews.queue(AlertStatus.OPEN))
                .extracting(ScreeningAlert::id)
                .contains(raised.id());

        reviews.decide(raised.id(), AlertStatus.CONFIRMED, "Same entity: registered address matches", "o", NOW);

        assertThat(reviews.queue(AlertStatus.OPEN))
                .extracting(ScreeningAlert::id)
                .doesNotContain(raised.id());
        assertThat(reviews.queue(AlertStatus.CONFIRMED))
                .extracting(ScreeningAlert::id)
                .contains(raised.id());
    }
}
