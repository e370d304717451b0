package org.kaifang.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaifang.audit.AuditFixtures.entry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kaifang.audit.Verification.Broken;
import org.kaifang.audit.Verification.Intact;
import org.kaifang.audit.Verification.Problem;
import org.kaifang.testing.Databases;
import org.kaifang.testing.Databases.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trail in the database, on H2, on a real PostgreSQL started by the test, and on the machine's own if configured:
 * appending, tampering with rows directly and finding it, and concurrent writers that never fork the chain.
 */
class AuditTrailTests {

    static Stream<Database> databases() {
        return Databases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void appendsRecordsThatReadBackUnchangedAndVerify(Database database) {
        var trail = new Trail(database);

        var appended = new ArrayList<AuditRecord>();
        for (int i = 1; i <= 5; i++) {
            appended.add(trail.append(entry(i)));
        }

        assertThat(appended).extracting(AuditRecord::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(appended.getFirst().previousHash()).isEqualTo(ChainHash.GENESIS);
        assertThat(trail.trail.recent(null, 0)).containsExactlyElementsOf(appended.reversed());
        assertThat(trail.trail.recent("app-1", 0))
                .extracting(AuditRecord::sequence)
                .containsExactly(4L, 1L);
        assertThat(trail.trail.count("app-1")).isEqualTo(2);
        assertThat(trail.trail.head())
                .isEqualTo(new ChainHead(5, appended.getLast().hash()));
        assertThat(trail.trail.verify())
                .isEqualTo(new Intact(5, appended.getLast().hash()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anEmptyTrailVerifies(Database database) {
        assertThat(new Trail(database).trail.verify()).isEqualTo(new Intact(0, ChainHash.GENESIS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findsARowEditedInTheDatabase(Database database) {
        var trail = new Trail(database);
        for (int i = 1; i <= 6; i++) {
            trail.append(entry(i));
        }

        jdbc(database)
                .sql("update audit.audit_record set after_summary = '{\"status\":\"APPROVED\"}' where seq = 4")
                .update();

        var result = (Broken) trail.trail.verify();
        assertThat(result.sequence()).isEqualTo(4);
        assertThat(result.problem()).isEqualTo(Problem.ALTERED);
        assertThat(result.checked()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findsARowDeletedFromTheDatabase(Database database) {
        var trail = new Trail(database);
        for (int i = 1; i <= 6; i++) {
            trail.append(entry(i));
        }

        jdbc(database).sql("delete from audit.audit_record where seq = 2").update();

        var result = (Broken) trail.trail.verify();
        assertThat(result.sequence()).isEqualTo(2);
        assertThat(result.problem()).isEqualTo(Problem.MISSING);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findsRowsSwappedInTheDatabase(Database database) {
        var trail = new Trail(database);
        for (int i = 1; i <= 6; i++) {
            trail.append(entry(i));
        }

        var jdbc = jdbc(database);
        jdbc.sql("update audit.audit_record set seq = -5 where seq = 5").update();
        jdbc.sql("update audit.audit_record set seq = 5 where seq = 6").update();
        jdbc.sql("update audit.audit_record set seq = 6 where seq = -5").update();

        var result = (Broken) trail.trail.verify();
        assertThat(result.sequence()).isEqualTo(5);
        assertThat(result.problem()).isEqualTo(Problem.ALTERED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void findsTheLastRowDeletedAndTheHeadWoundBackWithoutItsHash(Database database) {
        var trail = new Trail(database);
        for (int i = 1; i <= 4; i++) {
            trail.append(entry(i));
        }

        jdbc(database).sql("delete from audit.audit_record where seq = 4").update();
        assertThat(((Broken) trail.trail.verify()).problem()).isEqualTo(Problem.MISSING);

        jdbc(database).sql("update audit.chain_head set seq = 3").update();
        var result = (Broken) trail.trail.verify();
        assertThat(result.problem()).isEqualTo(Problem.HEAD);
        assertThat(result.sequence()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void concurrentWritersNeverForkTheChain(Database database) throws Exception {
        var trail = new Trail(database);
        var threads = 6;
        var each = 25;
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var futures = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                var thread = t;
                futures.add(pool.submit((Callable<Void>) () -> {
                    for (int i = 0; i < each; i++) {
                        trail.append(entry(thread * 1000 + i));
                    }
                    return null;
                }));
            }
            for (var f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        var jdbc = jdbc(database);
        var sequences = jdbc.sql("select seq from audit.audit_record order by seq")
                .query(Long.class)
                .list();
        var previous = jdbc.sql("select previous_hash from audit.audit_record")
                .query(String.class)
                .list();
        assertThat(sequences).hasSize(threads * each);
        assertThat(sequences.getLast()).isEqualTo(threads * each);
        assertThat(new HashSet<>(previous))
                .as("no two records follow the same one")
                .hasSize(threads * each);
        assertThat(trail.trail.verify()).isInstanceOf(Intact.class);
        assertThat(((Intact) trail.trail.verify()).count()).isEqualTo(threads * each);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void recordsCommitWithTheChangeWaitForTheChainerAndRollBackWithTheChange(Database database) {
        var trail = new Trail(database);
        trail.append(entry(1));

        trail.transactions.executeWithoutResult(status -> {
            trail.trail.record(entry(2));
            trail.trail.record(entry(3));
        });
        trail.transactions.executeWithoutResult(status -> {
            trail.trail.record(entry(4));
            status.setRollbackOnly();
        });

        // Committed with the change, not yet in the chain: verification counts them as pending, not as a break.
        assertThat(trail.trail.head().sequence()).isEqualTo(1);
        assertThat(trail.trail.pending()).isEqualTo(2);
        assertThat(trail.trail.verify())
                .isEqualTo(new Intact(1, trail.trail.head().hash(), 2));

        assertThat(trail.chainPending()).isEqualTo(2);
        assertThat(trail.chainPending()).isZero();
        assertThat(trail.trail.pending()).isZero();
        assertThat(trail.trail.recent(null, 0))
                .extracting(r -> r.sequence() + " " + r.after())
                .containsExactly("3 " + entry(3).after(), "2 " + entry(2).after(), "1 " + entry(1).after());
        assertThat(trail.trail.verify())
                .isEqualTo(new Intact(3, trail.trail.head().hash(), 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRecordEditedWhileWaitingToBeChainedIsFoundAndNeverChained(Database database) {
        var trail = new Trail(database);
        trail.append(entry(1));
        for (int i = 2; i <= 4; i++) {
            var n = i;
            trail.transactions.executeWithoutResult(status -> trail.trail.record(entry(n)));
        }
        var jdbc = jdbc(database);
        var third = jdbc.sql("select id from audit.pending_record order by id")
                .query(Long.class)
                .list()
                .get(1);

        // Someone with database access softens the second waiting record before the chainer gets to it.
        jdbc.sql("update audit.pending_record set after_summary = '{\"status\":\"WITHDRAWN\"}' where id = :id")
                .param("id", third)
                .update();

        var found = (Broken) trail.trail.verify();
        assertThat(found.problem()).isEqualTo(Problem.PENDING_ALTERED);
        assertThat(found.sequence()).as("the place it would take").isEqualTo(3);
        assertThat(found.checked()).isEqualTo(1);
        assertThat(found.detail()).contains("pending id " + third);

        // The chainer chains the record before it and refuses the edited one and everything after it.
        assertThat(trail.chainPending()).isEqualTo(1);
        assertThat(trail.chainPending()).isZero();
        assertThat(trail.trail.head().sequence()).isEqualTo(2);
        assertThat(trail.trail.pending()).isEqualTo(2);
        var still = (Broken) trail.trail.verify();
        assertThat(still.problem()).isEqualTo(Problem.PENDING_ALTERED);
        assertThat(still.sequence()).isEqualTo(3);
        assertThat(still.checked()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void concurrentRecordersAndTwoChainersOnTheirOwnConnectionsNeverForkTheChain(Database database) throws Exception {
        // Two chainers as two nodes would run them: each with its own DataSource, chaining while writers record.
        var node1 = new Trail(database);
        var node2 = new Trail(new Database(
                "second node",
                new DriverManagerDataSource(database.url(), database.user(), database.password()),
                database.url(),
                database.user(),
                database.password()));
        var writers = 4;
        var each = 30;
        var done = new AtomicBoolean();
        var pool = Executors.newFixedThreadPool(writers + 2);
        try {
            var chainers = new ArrayList<Future<Integer>>();
            for (var node : List.of(node1, node2)) {
                chainers.add(pool.submit(() -> {
                    var chained = 0;
                    while (!done.get() || node.trail.pending() > 0) {
                        chained += node.chainPending();
                    }
                    return chained;
                }));
            }
            var futures = new ArrayList<Future<?>>();
            for (int t = 0; t < writers; t++) {
                var thread = t;
                var node = t % 2 == 0 ? node1 : node2;
                futures.add(pool.submit((Callable<Void>) () -> {
                    for (int i = 0; i < each; i++) {
                        var n = thread * 1000 + i;
                        node.transactions.executeWithoutResult(status -> node.trail.record(entry(n)));
                    }
                    return null;
                }));
            }
            for (var f : futures) {
                f.get();
            }
            done.set(true);
            assertThat(chainers.get(0).get() + chainers.get(1).get()).isEqualTo(writers * each);
        } finally {
            done.set(true);
            pool.shutdown();
        }

        var jdbc = jdbc(database);
        var sequences = jdbc.sql("select seq from audit.audit_record order by seq")
                .query(Long.class)
                .list();
        var previous = jdbc.sql("select previous_hash from audit.audit_record")
                .query(String.class)
                .list();
        assertThat(sequences).hasSize(writers * each);
        assertThat(sequences.getLast()).isEqualTo(writers * each);
        assertThat(new HashSet<>(previous))
                .as("no two records follow the same one")
                .hasSize(writers * each);
        assertThat(node1.trail.pending()).isZero();
        assertThat(node2.trail.verify()).isInstanceOfSatisfying(Intact.class, intact -> {
            assertThat(intact.count()).isEqualTo(writers * each);
            assertThat(intact.pending()).isZero();
        });
    }

    private static JdbcClient jdbc(Database database) {
        return JdbcClient.create(database.dataSource());
    }

    /** The trail outside Spring: each append in a transaction of its own, as a state change's would be. */
    static final class Trail {
        final AuditTrail trail;
        private final TransactionTemplate transactions;

        Trail(Database database) {
            this.trail = new AuditTrail(JdbcClient.create(database.dataSource()));
            this.transactions = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
        }

        AuditRecord append(AuditEntry entry) {
            return transactions.execute(status -> trail.append(entry));
        }

        /** One run of the chainer, in its own transaction as in the server. */
        int chainPending() {
            var chained = transactions.execute(status -> trail.chainPending());
            return chained == null ? 0 : chained;
        }
    }
}
