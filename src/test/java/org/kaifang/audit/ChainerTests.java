package org.kaifang.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaifang.audit.AuditFixtures.entry;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.kaifang.testing.Databases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The chainer thread on H2: woken by a commit, looking by itself now and then, and chaining what is left on stop. */
class ChainerTests {

    private final Databases.Database database = Databases.h2();
    private final TransactionTemplate transactions =
            new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));

    /** The trail with each chainer run in a transaction of its own, as the Spring proxy gives it in the server. */
    private final AuditTrail trail = new AuditTrail(JdbcClient.create(database.dataSource())) {
        @Override
        public int chainPending() {
            var chained = transactions.execute(status -> super.chainPending());
            return chained == null ? 0 : chained;
        }
    };

    @Test
    void aCommitThatRecordedSomethingWakesTheChainer() {
        var chainer = new Chainer(trail, Duration.ofHours(1));
        chainer.start();
        try {
            transactions.executeWithoutResult(status -> {
                trail.record(entry(1));
                trail.record(entry(2));
            });

            assertThat(trail.awaitChained(Duration.ofSeconds(10))).isTrue();
            assertThat(trail.head().sequence()).isEqualTo(2);
        } finally {
            chainer.stop();
        }
    }

    @Test
    void withoutAWakeUpItLooksEveryInterval() {
        var chainer = new Chainer(trail, Duration.ofMillis(20));
        trail.onRecorded(() -> {}); // as for records committed by another node
        chainer.start();
        try {
            transactions.executeWithoutResult(status -> trail.record(entry(1)));

            assertThat(trail.awaitChained(Duration.ofSeconds(10))).isTrue();
            assertThat(trail.head().sequence()).isEqualTo(1);
        } finally {
            chainer.stop();
        }
    }

    @Test
    void stoppingChainsWhatIsLeft() {
        var chainer = new Chainer(trail, Duration.ofHours(1));
        trail.onRecorded(() -> {});
        chainer.start();
        transactions.executeWithoutResult(status -> {
            trail.record(entry(1));
            trail.record(entry(2));
            trail.record(entry(3));
        });
        assertThat(trail.pending()).isEqualTo(3);

        chainer.stop();

        assertThat(chainer.isRunning()).isFalse();
        assertThat(trail.pending()).isZero();
        assertThat(trail.verify())
                .isEqualTo(new Verification.Intact(3, trail.head().hash(), 0));
    }
}
