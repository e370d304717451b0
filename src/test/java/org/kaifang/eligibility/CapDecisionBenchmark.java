package org.kaifang.eligibility;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.kaifang.rules.RulePackLoader;
import org.kie.dmn.api.core.DMNResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Kaifang's engine against Apache KIE's DMN engine (issue 9, goal: Kaifang at least 10 times faster per determination)
 * on the same questions: the foreign-equity cap of a value-added service item in a place on a date, for a wholly
 * foreign-owned applicant. The DMN side evaluates {@link DmnCapTable}'s decision table, generated from the live rule
 * pack at set-up (and written to {@code target/bench/telecom-vas-caps.dmn}); it answers the cap and the outcome and
 * nothing else. Kaifang's side makes a full determination: every finding with its rule, citation, confidence and
 * bilingual message, the conditions and the hints. Both walk the same 1,024 cases (every item in every place on dates
 * across the pack's periods, shuffled from a fixed seed) in the same order; {@code DmnCapTableTests} checks that they
 * agree on the cap and outcome.
 *
 * <p>One thread in a fork limited to one processor, as {@link EngineBenchmark}; ten warm-up iterations rather than
 * five, because KIE's evaluation is still speeding up after five. Run: {@code ./mvnw -Pbench test-compile
 * exec:exec -Dbench=CapDecisionBenchmark}
 */
@State(Scope.Benchmark)
@Threads(1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-XX:ActiveProcessorCount=1"})
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 3)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CapDecisionBenchmark {

    static final int CASES = 1_024;

    EligibilityEngine engine;
    List<DmnCapTable.Case> cases;
    List<DeterminationRequest> requests;

    @Setup
    public void load() {
        engine = new EligibilityEngine(RulePackLoader.fromDirectory(Path.of("rules/telecom-vas")));
        var all = new ArrayList<>(DmnCapTable.cases(engine, 40, 9L));
        Collections.shuffle(all, new Random(9L));
        cases = List.copyOf(all.subList(0, CASES));
        requests = cases.stream().map(c -> c.request(BigDecimal.valueOf(100))).toList();
        var findings = requests.stream()
                .mapToInt(r ->
                        engine.determine(r).services().getFirst().findings().size())
                .summaryStatistics();
        System.out.printf(
                Locale.ROOT,
                "%n[caps] %d of %d shared cases; Kaifang findings per determination: min %d, mean %.1f, max %d%n",
                cases.size(),
                all.size(),
                findings.getMin(),
                findings.getAverage(),
                findings.getMax());
    }

    /** Where a benchmark thread is in the case list. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int next() {
            return next++ & (CASES - 1);
        }
    }

    /** The generated table compiled by KIE with its defaults (the decision table interpreted). */
    @State(Scope.Benchmark)
    public static class Interpreted {
        DmnCapTable.Dmn dmn;

        @Setup
        public void compile(CapDecisionBenchmark bench) {
            dmn = DmnCapTable.compile(bench.engine);
            DmnCapTable.write(dmn, Path.of("target/bench/telecom-vas-caps.dmn"));
            System.out.printf(
                    Locale.ROOT,
                    "%n[caps] DMN table: %d rules, %,d bytes%n",
                    DmnCapTable.rules(bench.engine).size(),
                    dmn.xml().length());
        }
    }

    @Benchmark
    public Determination kaifang(Cursor cursor) {
        return engine.determine(requests.get(cursor.next()));
    }

    @Benchmark
    public DMNResult dmnInterpreted(Interpreted dmn, Cursor cursor) {
        return dmn.dmn.evaluate(cases.get(cursor.next()));
    }
}
