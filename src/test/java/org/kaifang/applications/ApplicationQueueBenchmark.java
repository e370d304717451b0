package org.kaifang.applications;

import java.nio.file.Files;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.kaifang.calendar.CalendarStore;
import org.kaifang.testing.Databases;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Issue 5's queue budget: the officers' work queue (open applications of other organisations, due soonest first, a
 * page of {@link Applications#PAGE}) with 100,000 applications in PostgreSQL, p95 under 100 ms. The applications are
 * spread over 500 organisations and every status (about a third open), with due dates over a year; they are inserted
 * directly, as the queue reads only the columns beside the stored body.
 *
 * <p>Run with {@code ./mvnw -Pbench test-compile exec:exec -Dbench=ApplicationQueueBenchmark}. It measures the store's
 * query, which is what grows with the number of applications; rendering the page's 200 rows is the same at any size.
 */
@State(Scope.Benchmark)
@Fork(1)
public class ApplicationQueueBenchmark {

    static final int APPLICATIONS = 100_000;

    ApplicationStore store;

    @Setup(Level.Trial)
    public void load() throws Exception {
        var database = Databases.embeddedPostgres();
        var jdbc = JdbcClient.create(database.dataSource());
        var random = new SplittableRandom(5);
        var statuses = ApplicationStatus.values();
        var start = LocalDate.of(2025, 1, 1);
        try (var connection = database.dataSource().getConnection();
                var insert = connection.prepareStatement("""
                        insert into applications.application
                          (id, version, type, status, applicant, applicant_name, created_at, updated_at,
                           acceptance_due, decision_due, next_due, body)
                        values (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}')""")) {
            connection.setAutoCommit(false);
            for (var i = 0; i < APPLICATIONS; i++) {
                var status = statuses[random.nextInt(statuses.length)];
                var org = "org-" + random.nextInt(500);
                var updated = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(random.nextLong(365L * 86_400));
                var due = status.closed() || status == ApplicationStatus.DRAFT
                        ? null
                        : Date.valueOf(start.plusDays(random.nextInt(400)));
                var accepting = status == ApplicationStatus.SUBMITTED;
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, ApplicationType.NEW_LICENCE.name());
                insert.setString(3, status.name());
                insert.setString(4, org);
                insert.setString(5, "Synthetic applicant " + i);
                insert.setTimestamp(6, Timestamp.from(updated));
                insert.setTimestamp(7, Timestamp.from(updated));
                insert.setDate(8, accepting ? due : null);
                insert.setDate(9, accepting ? null : due);
                insert.setDate(10, due);
                insert.addBatch();
                if (i % 5_000 == 4_999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
        jdbc.sql("analyze applications.application").update();
        // One kept connection, as the server's pool gives: opening a PostgreSQL connection per query would dominate.
        var pooled = new SingleConnectionDataSource(database.url(), database.user(), database.password(), true);
        store = new ApplicationStore(
                JdbcClient.create(pooled), new CalendarStore(Files.createTempDirectory("calendar")));
        var open = jdbc.sql("select count(*) from applications.application where status in (:s)")
                .param("s", Applications.OPEN.stream().map(Enum::name).toList())
                .query(Long.class)
                .single();
        System.out.printf(Locale.ROOT, "%n[queue] %,d applications, %,d open%n", APPLICATIONS, open);
    }

    /** The default queue: every open status, an officer of the regulator's organisation. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Threads(1)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 3, time = 10)
    public List<QueueRow> openQueue() {
        return store.queue(Applications.OPEN, "regulator", Applications.PAGE, null, null);
    }

    /** A filtered queue: one status. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Threads(1)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 3, time = 10)
    public List<QueueRow> acceptedOnly() {
        return store.queue(List.of(ApplicationStatus.ACCEPTED), "regulator", Applications.PAGE, null, null);
    }
}
