package org.kaifang.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.kaifang.accounts.Accounts;
import org.kaifang.accounts.UserAccount;
import org.kaifang.accounts.Username;
import org.kaifang.applications.ActionRefused;
import org.kaifang.applications.Actor;
import org.kaifang.applications.ApplicationStatus;
import org.kaifang.applications.ApplicationType;
import org.kaifang.applications.Applications;
import org.kaifang.applications.LicenceApplication;
import org.kaifang.applications.Verdict;
import org.kaifang.testing.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications in the running application, with the demo users and GreenMail as the SMTP server: each transition
 * through {@link Applications} writes inbox messages and outbox e-mail in its own transaction (none when it fails or
 * rolls back), and the sender delivers the e-mail over SMTP.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:notifications;DB_CLOSE_DELAY=-1",
            DemoLogins.DEMO,
            DemoLogins.FIXED_PASSWORD,
            "kaifang.notifications.schedule=false",
            "kaifang.notifications.base-url=https://kaifang.test/",
            "kaifang.notifications.mail-from=noreply@kaifang.test"
        })
class NotificationsIntegrationTests {

    static final String REQUEST = """
            {"asOf":"2025-06-01",
             "applicant":{"name":"Lingang Cloud Data Co., Ltd.","seat":"310115","registeredCapitalCny":10000000},
             "foreignEquityPercent":100,
             "services":[{"code":"B11","item":"IDC","coverage":["CN"],"facilities":["310115"]}]}
            """;

    static final GreenMail SMTP = startSmtp();

    private static GreenMail startSmtp() {
        var smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        return smtp;
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    /** Within the built-in calendar's years, whatever the day the test runs. */
    @TestConfiguration
    static class FixedDay {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2025-06-10T02:00:00Z"), ZoneOffset.UTC);
        }
    }

    @Autowired
    Applications applications;

    @Autowired
    Accounts accounts;

    @Autowired
    Inbox inbox;

    @Autowired
    Messages messages;

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxSender sender;

    @Autowired
    TransactionTemplate transactions;

    UserAccount user(String username) {
        return accounts.user(new Username(username)).orElseThrow();
    }

    Actor actor(String username) {
        var user = user(username);
        return new Actor(
                user.id().toString(),
                user.username().value(),
                user.displayName(),
                user.organisation().toString(),
                user.roles());
    }

    LicenceApplication draft() {
        return applications.create(
                actor("applicant.a"), ApplicationType.NEW_LICENCE, "Lingang Cloud Data Co., Ltd.", REQUEST, null);
    }

    @Test
    void aSubmissionTellsTheCaseOfficersInboxAndOutboxInTheSameTransaction() {
        inbox.setMailAddress(user("officer").id(), "zhang.wei@sca.example.cn");
        var draft = draft();
        assertThat(messages.about(draft.id().value()))
                .as("a draft tells nobody")
                .isEmpty();

        applications.submit(actor("applicant.a"), draft.id(), draft.version());

        var told = messages.about(draft.id().value());
        assertThat(told).singleElement().satisfies(m -> {
            assertThat(m.recipient()).isEqualTo(user("officer").id().value());
            assertThat(m.topic()).isEqualTo(Topic.SUBMITTED);
            assertThat(m.link()).isEqualTo("/applications/" + draft.id());
            assertThat(m.subject().zh()).startsWith("新申请：");
            assertThat(m.unread()).isTrue();
        });
        assertThat(outbox.forMessage(told.getFirst().id())).singleElement().satisfies(mail -> {
            assertThat(mail.address()).isEqualTo("zhang.wei@sca.example.cn");
            assertThat(mail.status()).isEqualTo(OutboxMail.Status.PENDING);
            assertThat(mail.body()).contains("https://kaifang.test/applications/" + draft.id());
        });
    }

    @Test
    void aTransitionThatRollsBackOrIsRefusedLeavesNoMessage() {
        inbox.setMailAddress(user("officer").id(), "zhang.wei@sca.example.cn");
        var draft = draft();

        transactions.executeWithoutResult(status -> {
            applications.submit(actor("applicant.a"), draft.id(), draft.version());
            assertThat(messages.about(draft.id().value()))
                    .as("written inside the transaction")
                    .hasSize(1);
            status.setRollbackOnly();
        });
        assertThatThrownBy(() -> applications.accept(actor("officer"), draft.id(), draft.version()))
                .isInstanceOf(ActionRefused.class);

        assertThat(applications.get(actor("applicant.a"), draft.id()).status()).isEqualTo(ApplicationStatus.DRAFT);
        assertThat(messages.about(draft.id().value())).isEmpty();
    }

    @Test
    void theApplicantAndTheApproverAreToldAlongTheWayAndTheEMailGoesOutOverSmtp() throws Exception {
        inbox.setMailAddress(user("applicant.a").id(), "wang.fang@lingang.example.cn");
        inbox.setMailAddress(user("officer").id(), "");
        var app = draft();
        app = applications.submit(actor("applicant.a"), app.id(), app.version());
        app = applications.requestCorrection(
                actor("officer"), app.id(), app.version(), "The IDC site lease is missing");
        app = applications.resubmit(actor("applicant.a"), app.id(), app.version());
        app = applications.accept(actor("officer"), app.id(), app.version());
        app = applications.startReview(actor("officer"), app.id(), app.version());
        app = applications.recommend(actor("officer"), app.id(), app.version(), Verdict.APPROVE, "Complete");
        app = applications.decide(actor("approver"), app.id(), app.version(), Verdict.APPROVE, "All conditions met");

        var told = messages.about(app.id().value());
        assertThat(told)
                .extracting(m -> m.topic() + " → "
                        + accounts.user(new org.kaifang.accounts.UserId(m.recipient()))
                                .orElseThrow()
                                .username())
                .containsExactly(
                        "SUBMITTED → officer",
                        "CORRECTION_REQUESTED → applicant.a",
                        "RESUBMITTED → officer",
                        "ACCEPTED → applicant.a",
                        "RECOMMENDED → approver",
                        "APPROVED → applicant.a");
        assertThat(inbox.of(user("applicant.a").id())).isGreaterThanOrEqualTo(3);

        var round = sender.sendDue();
        assertThat(round.sent()).isGreaterThanOrEqualTo(3);
        assertThat(SMTP.waitForIncomingEmail(5_000, 3)).isTrue();
        var received = java.util.Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> {
                    try {
                        return ((InternetAddress) m.getAllRecipients()[0])
                                .getAddress()
                                .equals("wang.fang@lingang.example.cn");
                    } catch (jakarta.mail.MessagingException e) {
                        throw new AssertionError(e);
                    }
                })
                .toList();
        assertThat(received)
                .extracting(m -> m.getSubject())
                .contains(
                        "您的申请需要补正 / Your application needs a correction",
                        "您的申请已受理 / Your application has been accepted",
                        "您的申请已获批准 / Your application has been approved");
        assertThat(received.getFirst().getFrom()[0].toString()).isEqualTo("noreply@kaifang.test");
        assertThat(received.getFirst().getContent().toString())
                .contains("https://kaifang.test/applications/" + app.id());
        for (var message : told) {
            assertThat(outbox.forMessage(message.id()))
                    .allSatisfy(mail -> assertThat(mail.status()).isEqualTo(OutboxMail.Status.SENT));
        }
    }
}
