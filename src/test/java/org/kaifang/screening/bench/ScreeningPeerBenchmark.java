package org.kaifang.screening.bench;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Kaifang's indexed matcher against a brute-force Jaro–Winkler scan ({@link BruteForceMatcher}) over the same list
 * (issue 9, goal: at least 50 times the throughput at equal or better recall; recall on the labelled set is
 * {@code BruteForceMatcherTests}). The list is {@link ScreeningBenchmark}'s: {@code BENCH_NAMES} synthetic names
 * (default 1,000,000, fixed seeds) with the built-in lists; the queries are its 2,000 (half variants of listed names,
 * half unlisted names), in the same order for both. One thread; queries per second.
 *
 * <p>Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench=ScreeningPeerBenchmark}
 */
@State(Scope.Benchmark)
@Threads(1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScreeningPeerBenchmark {

    /** The brute-force matcher's threshold: Jaro–Winkler's usual setting for name screening. */
    static final double JARO_WINKLER_THRESHOLD = 0.90;

    Screening screening;
    BruteForceMatcher bruteForce;
    List<Party> queries;

    @Setup(Level.Trial)
    public void build() {
        var n = ScreeningBenchmark.names();
        var rows = SyntheticLists.rows(n, ScreeningBenchmark.SEED);
        queries = SyntheticLists.queries(rows, 2_000, ScreeningBenchmark.SEED + 1).stream()
                .map(Party::named)
                .toList();
        screening = ScreeningBenchmark.load(SyntheticLists.csv(rows));
        bruteForce = new BruteForceMatcher(screening.data());
        var kaifangHits = queries.stream()
                .filter(q -> screening.screen(q, ScreeningBenchmark.AS_OF).outcome() != Outcome.CLEAR)
                .count();
        // Six seconds a query under load: a handful is enough to show the brute force finds listed names too.
        var sample = queries.subList(0, 6);
        var bruteHits = sample.stream()
                .filter(q ->
                        !bruteForce.screen(q.name(), JARO_WINKLER_THRESHOLD).isEmpty())
                .count();
        System.out.printf(
                Locale.ROOT,
                "%n[peers] %,d names scanned per brute-force query; Kaifang: %d of %d queries not clear"
                        + " (possible match ≥ %.2f); brute force: %d of the first %d with a name ≥ %.2f%n",
                bruteForce.names(),
                kaifangHits,
                queries.size(),
                Thresholds.DEFAULT.possibleMatch(),
                bruteHits,
                sample.size(),
                JARO_WINKLER_THRESHOLD);
    }

    /** Where a benchmark thread is in the query list. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Benchmark
    public ScreeningResult kaifang(Cursor cursor) {
        return screening.screen(queries.get(cursor.next++ % queries.size()), ScreeningBenchmark.AS_OF);
    }

    @Benchmark
    public List<BruteForceMatcher.Match> bruteForceJaroWinkler(Cursor cursor) {
        return bruteForce.screen(queries.get(cursor.next++ % queries.size()).name(), JARO_WINKLER_THRESHOLD);
    }
}
