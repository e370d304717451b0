package org.kaifang.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaifang.audit.AuditFixtures.entry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    void recordsAppendedAtCommitCommitWithTheChangeInOrderAndRollBackWithIt(Database database) {
        var trail = new Trail(database);
        trail.append(entry(1));

        trail.transactions.executeWithoutResult(status -> {
            trail.trail.appendAtCommit(entry(2));
            trail.trail.appendAtCommit(entry(3));
            // Not yet: they are written just before the commit, after the change's own work.
            assertThat(trail.trail.head().sequence()).isEqualTo(1);
        });
        assertThat(trail.trail.recent(null, 0))
                .extracting(r -> r.subject().id())
                .containsExactly(
                        entry(3).subject().id(),
                        entry(2).subject().id(),
                        entry(1).subject().id());

        trail.transactions.executeWithoutResult(status -> {
            trail.trail.appendAtCommit(entry(4));
            status.setRollbackOnly();
        });
        assertThat(trail.trail.head().sequence()).isEqualTo(3);
        assertThat(trail.trail.verify()).isInstanceOf(Intact.class);

        // Without a transaction the record is written at once.
        trail.trail.appendAtCommit(entry(5));
        assertThat(trail.trail.head().sequence()).isEqualTo(4);
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
    }
}
