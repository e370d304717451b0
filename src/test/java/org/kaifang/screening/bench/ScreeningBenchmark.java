package org.kaifang.screening.bench;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.kaifang.screening.BuiltInLists;
import org.kaifang.screening.OpenSanctionsCsv;
import org.kaifang.screening.Outcome;
import org.kaifang.screening.Party;
import org.kaifang.screening.Screening;
import org.kaifang.screening.ScreeningResult;
import org.kaifang.screening.Thresholds;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The budgets of issue 4 against a synthetic list of 1,000,000 names ({@link SyntheticLists}, fixed seeds) screened
 * together with the built-in lists: one query p95 under 5 ms on one thread; a batch of 100,000 names under 60 s on 2
 * cores; importing (parsing and indexing) the list under 60 s; and the heap the parsed list and its index retain.
 *
 * <p>Run with {@code ./mvnw -Pbench test-compile exec:exec -Dbench=ScreeningBenchmark}. The list size is
 * {@code BENCH_NAMES} from the environment (default 1,000,000; the forked JVM inherits it), e.g.
 * {@code BENCH_NAMES=10000} for a quick check. The retained heap is measured once, in set-up, as used heap after full
 * collections before and after loading, and printed as a {@code [screening]} line.
 */
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
public class ScreeningBenchmark {

    static final long SEED = 20_261_129L;
    static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);
    static final int BATCH = 100_000;

    byte[] csv;
    Screening screening;
    List<Party> queries;
    List<Party> batch;
    ExecutorService twoThreads;

    static int names() {
        var env = System.getenv("BENCH_NAMES");
        return env == null || env.isBlank()
                ? 1_000_000
                : Integer.parseInt(env.strip().replace("_", ""));
    }

    @Setup(Level.Trial)
    public void build() {
        var n = names();
        var rows = SyntheticLists.rows(n, SEED);
        csv = SyntheticLists.csv(rows);
        queries = SyntheticLists.queries(rows, 2_000, SEED + 1).stream()
                .map(Party::named)
                .toList();
        batch = SyntheticLists.queries(rows, BATCH, SEED + 2).stream()
                .map(Party::named)
                .toList();
        var before = usedAfterGc();
        var start = System.nanoTime();
        screening = load(csv);
        var seconds = (System.nanoTime() - start) / 1e9;
        var retained = usedAfterGc() - before;
        var hits = queries.stream()
                .filter(q -> screening.screen(q, AS_OF).outcome() != Outcome.CLEAR)
                .count();
        System.out.printf(
                Locale.ROOT,
                "%n[screening] %,d names, CSV %,d bytes; first load (parse + index) %.1f s; retained heap of the"
                        + " parsed list and its index %,d MB (%,d bytes per name); %d of %d queries not clear%n",
                n,
                csv.length,
                seconds,
                retained / (1024 * 1024),
                retained / Math.max(1, n),
                hits,
                queries.size());
        twoThreads = Executors.newFixedThreadPool(2);
    }

    @TearDown(Level.Trial)
    public void stop() {
        twoThreads.shutdownNow();
    }

    static Screening load(byte[] csv) {
        var list = OpenSanctionsCsv.read("synthetic.csv", csv, "bench").list();
        return new Screening(List.of(BuiltInLists.load(), list), Thresholds.DEFAULT);
    }

    static long usedAfterGc() {
        var memory = ManagementFactory.getMemoryMXBean();
        for (var i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Where each benchmark thread is in the query mix (half listed-name variants, half unlisted names). */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    /** (a) One query, one thread; JMH reports the p95 among its percentiles. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Threads(1)
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 10)
    public ScreeningResult oneQuery(Cursor cursor) {
        var party = queries.get(cursor.next++ % queries.size());
        return screening.screen(party, AS_OF);
    }

    /** (b) 100,000 names in batches of 10,000 (the API's limit) on a pool of two threads: wall time. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public int batchOf100kOnTwoThreads() throws Exception {
        var futures = new ArrayList<Future<Integer>>();
        for (var from = 0; from < batch.size(); from += Screening.BATCH_LIMIT) {
            var chunk = batch.subList(from, Math.min(batch.size(), from + Screening.BATCH_LIMIT));
            futures.add(twoThreads.submit(() -> (int) screening.screen(chunk, AS_OF).results().stream()
                    .filter(r -> r.outcome() != Outcome.CLEAR)
                    .count()));
        }
        var found = 0;
        for (var future : futures) {
            found += future.get();
        }
        return found;
    }

    /** (c) Importing the list: parsing the CSV and indexing it with the built-in lists, one thread: wall time. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public Screening importList() {
        return load(csv);
    }
}
