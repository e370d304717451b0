package org.kaifang.whatif;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.kaifang.eligibility.EligibilityEngine;
import org.kaifang.licensing.LicenceView;
import org.kaifang.licensing.LicensedService;
import org.kaifang.rules.RulePackLoader;
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
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 7 part 3's budget: a what-if over 1,000,000 synthetic holders in under 60 s on 2 cores, with bounded heap. Each
 * invocation generates {@code BENCH_HOLDERS} holders (default 1,000,000) a page of 1,000 at a time, as licensing's
 * keyset pages would hand them over ({@link LicenceView}s: seat in the USCC, services with coverage, a fifth of them
 * foreign-invested, spread over the provinces by the demo register's weights and so over the 2025 plan's cities), turns
 * them into subjects exactly as {@link Subjects} does, compares the live pack with the shipped candidate as of
 * 2025-09-01, and writes every change in batches to the {@code whatif} tables of an embedded H2 database. The heap is
 * fixed at 256 MB (-Xmx256m): the run cannot hold its holders, only a page, a batch and the bounded cache.
 *
 * <p>Run with {@code ./mvnw -Pbench test-compile exec:exec -Dbench=WhatIfBenchmark}.
 */
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class WhatIfBenchmark {

    static final int HOLDERS = Integer.getInteger("bench.holders", envInt("BENCH_HOLDERS", 1_000_000));

    /** Province-level seats with the demo register's weights; the plan's new cities lie in several. */
    static final String[] PROVINCES = {
        "440000", "110000", "310000", "330000", "320000", "370000", "350000", "510000", "420000", "410000", "430000",
        "340000", "500000", "120000", "610000", "130000", "210000", "360000", "460000", "450000", "530000"
    };

    static final int[] WEIGHTS = {160, 150, 100, 80, 70, 45, 40, 40, 30, 30, 25, 25, 20, 18, 18, 15, 14, 12, 12, 10, 10
    };

    /** Seats at city level too: a tenth of the holders give a city, some of them the plan's. */
    static final String[] CITIES = {
        "120116", "500103", "210102", "320102", "330106", "420102", "440106", "510104", "210202", "330203", "350203",
        "370202", "340102", "350102", "610102", "320505", "410105", "430102"
    };

    static final String[][] ITEMS = {
        {"B25", "PUBLISHING_PLATFORM"},
        {"B21", "EDI"},
        {"B25", "INSTANT_MESSAGING"},
        {"B14", "USER_ACCESS"},
        {"B11", "IDC"},
        {"B24", "DOMESTIC_CALL_CENTRE"},
        {"B12", "CDN"},
        {"B13", "IP_VPN"},
        {"B25", "APP_STORE"},
        {"B22", "MULTIPARTY"},
        {"B23", "STORE_FORWARD"}
    };

    static final int[] ITEM_WEIGHTS = {898, 438, 182, 106, 76, 76, 40, 30, 30, 25, 16};

    EligibilityEngine live;
    EligibilityEngine candidate;
    DataSource dataSource;
    Runs runs;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        live = new EligibilityEngine(RulePackLoader.fromDirectory(Path.of("rules/telecom-vas")));
        candidate = new EligibilityEngine(RulePackLoader.fromDirectory(Path.of("rules/candidates/twenty-cities-2025")));
        var h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:whatif-bench;DB_CLOSE_DELAY=-1");
        dataSource = h2;
        new JdbcTemplate(dataSource)
                .execute(Files.readString(Path.of("src/main/resources/db/migration/V21__whatif.sql")));
        runs = new Runs(dataSource);
    }

    @Benchmark
    public Execution.Tally whatIfOverAMillionHolders() {
        var id = UUID.randomUUID();
        new JdbcTemplate(dataSource).update("delete from whatif.change");
        var comparison = new Comparison(live, candidate, LocalDate.parse("2025-09-01"));
        var sink = new Execution.Sink() {
            @Override
            public void changes(long firstSeq, List<Change> changes) {
                runs.add(id, firstSeq, changes);
            }

            @Override
            public void progress(Execution.Tally tally) {}
        };
        var started = System.nanoTime();
        var execution = new Execution(new Synthetic(HOLDERS), comparison, sink, new AtomicBoolean());
        execution.execute();
        var tally = execution.tally();
        var rows = new JdbcTemplate(dataSource).queryForObject("select count(*) from whatif.change", Long.class);
        var heap = Runtime.getRuntime();
        System.out.printf(
                "%n[whatif] %,d holders, %,d services, %,d distinct inputs, %,d gains, %,d losses, %,d rows stored in"
                        + " %.1f s; heap used %d MB of %d MB max%n",
                tally.subjects(),
                tally.services(),
                tally.distinctInputs(),
                tally.gains(),
                tally.losses(),
                rows,
                (System.nanoTime() - started) / 1e9,
                (heap.totalMemory() - heap.freeMemory()) >> 20,
                heap.maxMemory() >> 20);
        return tally;
    }

    /** Synthetic holders, made a page at a time from a fixed seed: never all in memory. */
    public static final class Synthetic implements SubjectSource {

        private final int count;

        Synthetic(int count) {
            this.count = count;
        }

        @Override
        public long estimate() {
            return count;
        }

        @Override
        public void walk(Pages pages) {
            var random = new Random(20_250_418L);
            var made = 0;
            while (made < count) {
                var size = Math.min(Subjects.PAGE, count - made);
                var page = new ArrayList<Subject>(size);
                for (int i = 0; i < size; i++) {
                    var subject = Subjects.holder(licence(random, made + i));
                    if (subject != null) {
                        page.add(subject);
                    }
                }
                made += size;
                if (!pages.accept(page, size - page.size())) {
                    return;
                }
            }
        }

        public static LicenceView licence(Random random, int n) {
            var province = pick(random, PROVINCES, WEIGHTS);
            var seat = random.nextInt(10) == 0 ? CITIES[random.nextInt(CITIES.length)] : province;
            var foreign = random.nextInt(5) == 0;
            var services = new ArrayList<LicensedService>(2);
            var count = random.nextInt(100) < 68 ? 1 : 2;
            for (int i = 0; i < count; i++) {
                var item = pick(random, ITEMS, ITEM_WEIGHTS);
                var coverage = random.nextInt(10) < 4
                        ? "CN"
                        : item[0].equals("B11") ? seat.substring(0, 4) + "00" : seat.substring(0, 2) + "0000";
                var service = new LicensedService(item[0], item[1], List.of(coverage));
                if (services.stream().noneMatch(s -> s.key().equals(service.key()))) {
                    services.add(service);
                }
            }
            return ComparisonTests.licence(
                    "bench-" + n,
                    "B2-2024" + n,
                    "基准演示企业" + n + "有限公司",
                    "91" + seat + "MA" + String.format("%08d", n),
                    foreign,
                    services);
        }

        private static <T> T pick(Random random, T[] values, int[] weights) {
            var total = 0;
            for (var w : weights) {
                total += w;
            }
            var roll = random.nextInt(total);
            for (int i = 0; i < values.length; i++) {
                roll -= weights[i];
                if (roll < 0) {
                    return values[i];
                }
            }
            return values[values.length - 1];
        }
    }

    private static int envInt(String name, int fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }
}
