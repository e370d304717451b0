package org.kaifang.audit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.kaifang.testing.ClosedLoop;
import org.kaifang.testing.Databases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit step of a state change, alone, on the PostgreSQL named by {@code SYSTEM_PG_URL} (emptied and migrated):
 * {@code concurrency} clients each run transactions that write a row of their own and one audit record, first with the
 * record chained inside the transaction under the chain head's row lock ({@link AuditTrail#append}, as before decision
 * 0005), then written as a pending record ({@link AuditTrail#record}) while one chainer thread chains them. It shows
 * what the lock costs apart from everything else a request does; {@code bench/submissions-load} measures the whole.
 *
 * <pre>SYSTEM_PG_URL=jdbc:postgresql://… SYSTEM_PG_USER=… SYSTEM_PG_PASSWORD=… java … org.kaifang.audit.AuditRecordingLoad
 *     [warmupSeconds] [seconds] [concurrency]</pre>
 */
public final class AuditRecordingLoad {

    private AuditRecordingLoad() {}

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        var database = Databases.systemPostgres();
        if (database == null) {
            System.err.println("Set SYSTEM_PG_URL (and SYSTEM_PG_USER, SYSTEM_PG_PASSWORD) to a PostgreSQL database");
            System.exit(2);
        }
        var config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(10);
        try (var pool = new HikariDataSource(config)) {
            var jdbc = JdbcClient.create(pool);
            jdbc.sql("create table if not exists public.change_row (id uuid primary key, n int not null)")
                    .update();
            var trail = new AuditTrail(jdbc);
            var transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
            var counter = new AtomicInteger();

            var locked = ClosedLoop.run(concurrency, warmup, seconds, () -> {
                var n = counter.incrementAndGet();
                transactions.executeWithoutResult(status -> {
                    change(jdbc, n);
                    trail.append(AuditFixtures.entry(n));
                });
                return null;
            });
            print("chained in the transaction (head row locked until commit)", locked);

            var running = new AtomicBoolean(true);
            var chained = new AtomicInteger();
            var chainer = Thread.ofPlatform().name("chainer").start(() -> {
                while (running.get() || trail.anyPending()) {
                    var n = transactions.execute(status -> trail.chainPending());
                    chained.addAndGet(n == null ? 0 : n);
                    if (n == null || n == 0) {
                        try {
                            Thread.sleep(2);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            });
            var pending = ClosedLoop.run(concurrency, warmup, seconds, () -> {
                var n = counter.incrementAndGet();
                transactions.executeWithoutResult(status -> {
                    change(jdbc, n);
                    trail.record(AuditFixtures.entry(n));
                });
                return null;
            });
            running.set(false);
            chainer.join();
            print("recorded as pending, chained by one chainer", pending);
            System.out.printf(
                    "chainer: %d records chained; verification: %s%n",
                    chained.get(), transactions.execute(status -> trail.verify()));
        }
    }

    private static void change(JdbcClient jdbc, int n) {
        jdbc.sql("insert into public.change_row (id, n) values (:id, :n)")
                .param("id", UUID.randomUUID())
                .param("n", n)
                .update();
    }

    private static void print(String mode, ClosedLoop.Result result) {
        System.out.printf(
                "%s: %d transactions in %.1f s = %.0f/s, errors %d; latency ms p50 %.1f p95 %.1f p99 %.1f%n",
                mode,
                result.ok(),
                result.seconds(),
                result.perSecond(),
                result.errors(),
                result.percentile(0.50),
                result.percentile(0.95),
                result.percentile(0.99));
    }
}
