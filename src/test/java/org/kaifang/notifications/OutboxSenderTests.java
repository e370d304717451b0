package org.kaifang.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kaifang.testing.Databases;
import org.kaifang.testing.Databases.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.mail.MailSendException;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox sender on H2, on a real PostgreSQL started by the test, and on the machine's own if set: retries with a
 * doubling wait until it is sent, gives up after the most attempts, and with two nodes sending at once each e-mail goes
 * out once.
 */
class OutboxSenderTests {

    static final Instant START = Instant.parse("2025-06-10T02:00:00Z");

    static Stream<Database> databases() {
        return Databases.all().stream();
    }

    /** A clock the test moves on. */
    static final class TestClock extends Clock {
        private Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }

        synchronized void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    /** A mail server that refuses the first {@code failures} e-mails, then takes them all. */
    static final class FlakyMail implements MailSender {
        private int failures;
        final List<SimpleMailMessage> delivered = Collections.synchronizedList(new ArrayList<>());

        FlakyMail(int failures) {
            this.failures = failures;
        }

        @Override
        public synchronized void send(SimpleMailMessage... messages) {
            if (failures > 0) {
                failures--;
                throw new MailSendException("421 4.3.2 Service not available, try later");
            }
            delivered.addAll(List.of(messages));
        }
    }

    record Fixture(Outbox outbox, Messages messages, TransactionTemplate transactions, JdbcClient jdbc) {

        static Fixture on(Database database) {
            var dataSource = new TransactionAwareDataSourceProxy(database.dataSource());
            var jdbc = JdbcClient.create(dataSource);
            return new Fixture(
                    new Outbox(jdbc),
                    new Messages(jdbc),
                    new TransactionTemplate(new DataSourceTransactionManager(database.dataSource())),
                    jdbc);
        }

        UUID mail(String address) {
            var message = new InboxMessage(
                    UUID.randomUUID(),
                    UUID.randomUUID(),
                    Topic.ACCEPTED,
                    "/applications/x",
                    new Bilingual("您的申请已受理", "Your application has been accepted"),
                    new Bilingual("正文", "Body"),
                    START,
                    null);
            messages.add(message, null);
            var id = UUID.randomUUID();
            outbox.add(id, message.id(), address, "您的申请已受理 / accepted", "正文\n\nBody", START);
            return id;
        }

        OutboxSender sender(MailSender mail, NotificationSettings settings, Clock clock, String node) {
            return new OutboxSender(outbox, mail, transactions, settings, clock, node);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void retriesAFailedSendAfterADoublingWaitUntilItIsSent(Database database) {
        var fixture = Fixture.on(database);
        var clock = new TestClock();
        var mail = new FlakyMail(2);
        var sender = fixture.sender(mail, NotificationSettings.defaults(), clock, "node-1");
        var id = fixture.mail("wang.fang@example.com");

        assertThat(sender.sendDue()).isEqualTo(new OutboxSender.Round(1, 0, 1));
        var first = fixture.outbox().find(id);
        assertThat(first.status()).isEqualTo(OutboxMail.Status.PENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).contains("421 4.3.2 Service not available");
        assertThat(first.nextAttemptAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));

        clock.advance(Duration.ofSeconds(30));
        assertThat(sender.sendDue()).as("not due yet").isEqualTo(new OutboxSender.Round(0, 0, 0));

        clock.advance(Duration.ofSeconds(30));
        assertThat(sender.sendDue()).isEqualTo(new OutboxSender.Round(1, 0, 1));
        assertThat(fixture.outbox().find(id).nextAttemptAt())
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));

        clock.advance(Duration.ofMinutes(2));
        assertThat(sender.sendDue()).isEqualTo(new OutboxSender.Round(1, 1, 0));
        var sent = fixture.outbox().find(id);
        assertThat(sent.status()).isEqualTo(OutboxMail.Status.SENT);
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(sent.sentAt()).isEqualTo(clock.instant());
        assertThat(sent.lastError()).as("the last error is kept for the record").contains("421");
        assertThat(mail.delivered).singleElement().satisfies(m -> {
            assertThat(m.getTo()).containsExactly("wang.fang@example.com");
            assertThat(m.getFrom()).isEqualTo("kaifang@localhost");
            assertThat(m.getSubject()).isEqualTo("您的申请已受理 / accepted");
        });

        clock.advance(Duration.ofHours(1));
        assertThat(sender.sendDue()).as("a sent e-mail is not sent again").isEqualTo(new OutboxSender.Round(0, 0, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void givesUpAfterTheMostAttemptsAllowed(Database database) {
        var fixture = Fixture.on(database);
        var clock = new TestClock();
        var defaults = NotificationSettings.defaults();
        var settings = new NotificationSettings(
                defaults.mailFrom(),
                defaults.baseUrl(),
                3,
                defaults.retryAfter(),
                defaults.maxRetryAfter(),
                defaults.sendInterval(),
                defaults.batchSize(),
                defaults.claimTimeout(),
                false);
        var sender = fixture.sender(new FlakyMail(Integer.MAX_VALUE), settings, clock, "node-1");
        var id = fixture.mail("li.ming@example.com");

        for (int i = 0; i < 5; i++) {
            sender.sendDue();
            clock.advance(Duration.ofHours(1));
        }

        var failed = fixture.outbox().find(id);
        assertThat(failed.status()).isEqualTo(OutboxMail.Status.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).contains("MailSendException");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoNodesSendingAtOnceSendEachEMailOnce(Database database) throws Exception {
        var fixture = Fixture.on(database);
        var clock = Clock.fixed(START.plusSeconds(1), ZoneOffset.UTC);
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < 60; i++) {
            ids.add(fixture.mail("user" + i + "@example.com"));
        }
        var mail = new FlakyMail(0);
        var defaults = NotificationSettings.defaults();
        var smallBatches = new NotificationSettings(
                defaults.mailFrom(),
                defaults.baseUrl(),
                defaults.maxAttempts(),
                defaults.retryAfter(),
                defaults.maxRetryAfter(),
                defaults.sendInterval(),
                7,
                defaults.claimTimeout(),
                false);
        var nodes = List.of(
                fixture.sender(mail, smallBatches, clock, "node-1"),
                fixture.sender(mail, smallBatches, clock, "node-2"));
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(2)) {
            var rounds = new ArrayList<java.util.concurrent.Future<Integer>>();
            for (var node : nodes) {
                Callable<Integer> work = () -> {
                    start.await();
                    int sent = 0;
                    for (OutboxSender.Round round = node.sendDue(); round.claimed() > 0; round = node.sendDue()) {
                        sent += round.sent();
                    }
                    return sent;
                };
                rounds.add(pool.submit(work));
            }
            start.countDown();
            var byNode = List.of(rounds.get(0).get(), rounds.get(1).get());
            assertThat(byNode.get(0) + byNode.get(1)).isEqualTo(60);
        }

        assertThat(mail.delivered).hasSize(60);
        assertThat(mail.delivered.stream().map(m -> m.getTo()[0]).distinct()).hasSize(60);
        assertThat(ids)
                .allSatisfy(id -> assertThat(fixture.outbox().find(id).status()).isEqualTo(OutboxMail.Status.SENT));
        assertThat(ids)
                .allSatisfy(
                        id -> assertThat(fixture.outbox().find(id).attempts()).isEqualTo(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anEMailClaimedByANodeThatDiedIsSentByAnotherOnceTheClaimTimesOut(Database database) {
        var fixture = Fixture.on(database);
        var clock = new TestClock();
        var id = fixture.mail("chen.jing@example.com");
        var claimed = fixture.transactions()
                .execute(s -> fixture.outbox().claim("dead-node", START, START.plus(Duration.ofMinutes(5)), 10));
        assertThat(claimed).hasSize(1);
        var mail = new FlakyMail(0);
        var survivor = fixture.sender(mail, NotificationSettings.defaults(), clock, "node-2");

        assertThat(survivor.sendDue().claimed()).as("the claim still holds").isZero();
        clock.advance(Duration.ofMinutes(6));
        assertThat(survivor.sendDue()).isEqualTo(new OutboxSender.Round(1, 1, 0));
        assertThat(fixture.outbox().find(id).status()).isEqualTo(OutboxMail.Status.SENT);
        assertThat(fixture.outbox().sent(id, "dead-node", clock.instant()))
                .as("the dead node's late report changes nothing")
                .isFalse();
    }
}
