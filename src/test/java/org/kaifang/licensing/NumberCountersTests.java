package org.kaifang.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kaifang.testing.Databases;
import org.kaifang.testing.Databases.Database;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Licence numbers drawn by many issuers at once, each in its own transaction and connection as two nodes would: no
 * number is given twice, and the numbers of rolled-back issues are given back, so the committed ones have no gaps.
 */
class NumberCountersTests {

    static Stream<Database> databases() {
        return Databases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void concurrentIssuersGetUniqueGapFreeNumbersPerPrefixAndYear(Database database) throws Exception {
        var transactions = new DataSourceTransactionManager(database.dataSource());
        var counters = new NumberCounters(JdbcClient.create(database.dataSource()), transactions);
        var committed = Collections.synchronizedList(new ArrayList<String>());
        var issuers = 8;
        var each = 15;
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(issuers)) {
            var done = new ArrayList<java.util.concurrent.Future<?>>();
            for (int t = 0; t < issuers; t++) {
                var thread = t;
                done.add(pool.submit(() -> {
                    start.await();
                    var transaction = new TransactionTemplate(transactions);
                    for (int i = 0; i < each; i++) {
                        var prefix = (thread + i) % 2 == 0 ? "合字" : "沪";
                        var rollBack = i % 5 == 4;
                        transaction.executeWithoutResult(status -> {
                            var n = counters.next(prefix, 2025);
                            if (rollBack) {
                                status.setRollbackOnly();
                            } else {
                                committed.add(prefix + n);
                            }
                        });
                    }
                    return null;
                }));
            }
            start.countDown();
            for (var f : done) {
                f.get();
            }
        }

        var total = issuers * (each - each / 5);
        assertThat(committed).hasSize(total).doesNotHaveDuplicates();
        var foreign = committed.stream().filter(n -> n.startsWith("合字")).count();
        var shanghai = total - foreign;
        assertThat(committed)
                .containsExactlyInAnyOrderElementsOf(Stream.concat(
                                IntStream.rangeClosed(1, (int) foreign).mapToObj(n -> "合字" + n),
                                IntStream.rangeClosed(1, (int) shanghai).mapToObj(n -> "沪" + n))
                        .toList());
        assertThat(counters.last("合字", 2025)).isEqualTo(foreign);
        assertThat(counters.last("沪", 2025)).isEqualTo(shanghai);
        assertThat(counters.last("合字", 2026)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRecordedNumberIsNeverIssuedAgain(Database database) {
        var transactions = new DataSourceTransactionManager(database.dataSource());
        var counters = new NumberCounters(JdbcClient.create(database.dataSource()), transactions);
        var transaction = new TransactionTemplate(transactions);

        transaction.executeWithoutResult(s -> counters.atLeast("京", 2024, 57));
        transaction.executeWithoutResult(s -> counters.atLeast("京", 2024, 12));

        Integer next = transaction.execute(s -> counters.next("京", 2024));
        assertThat(next).isEqualTo(58);
        assertThat(counters.last("京", 2024)).isEqualTo(58);
    }
}
