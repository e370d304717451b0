package org.kaifang.eligibility;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.kaifang.rules.RulePackLoader;
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
 * The engine's budget from issue 2: at least 200,000 determinations per second on one core for a three-service request
 * with full findings, and p99 under 100 µs. One thread, so one core does the work; {@code -Xmx} is left at its
 * default because the engine allocates only its result.
 *
 * <p>Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench=EngineBenchmark}
 */
@State(Scope.Benchmark)
@Threads(1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-XX:ActiveProcessorCount=1"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 3)
public class EngineBenchmark {

    private EligibilityEngine engine;
    private DeterminationRequest pilot;
    private DeterminationRequest mixed;

    @Setup
    public void load() {
        engine = new EligibilityEngine(RulePackLoader.fromDirectory(Path.of("rules/telecom-vas")));
        var applicant = new Applicant("Example Cloud (Shanghai) Co., Ltd.", null, "310115", List.of(), null, Set.of());
        // Three services under the pilot in Pudong at 100%: each walks every route and cites the pilot notice.
        pilot = new DeterminationRequest(
                LocalDate.of(2025, 3, 1),
                applicant,
                new BigDecimal("100"),
                List.of(
                        new RequestedService("B11", "IRCS", List.of("CN"), List.of("310115"), Set.of()),
                        new RequestedService("B12", "CDN", List.of("CN"), List.of("310115"), Set.of()),
                        new RequestedService("B25", "SEARCH", List.of("CN"), List.of("310115"), Set.of())));
        // Three services at 60% with facilities in and out of the pilot area: permitted, conditional and refused
        // outcomes, so every finding kind is built.
        mixed = new DeterminationRequest(
                LocalDate.of(2025, 3, 1),
                applicant,
                new BigDecimal("60"),
                List.of(
                        new RequestedService("B21", "ECOMMERCE", List.of("CN"), List.of("310115"), Set.of()),
                        new RequestedService("B11", "IDC", List.of("CN"), List.of("110105", "310115"), Set.of()),
                        new RequestedService("B25", "COMMUNITY", List.of("31"), List.of("440305"), Set.of())));
        if (engine.determine(pilot).services().size() != 3
                || engine.determine(mixed).services().size() != 3) {
            throw new IllegalStateException("benchmark requests must give three service determinations");
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Determination pilotThroughput() {
        return engine.determine(pilot);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Determination mixedThroughput() {
        return engine.determine(mixed);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Determination pilotLatency() {
        return engine.determine(pilot);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Determination mixedLatency() {
        return engine.determine(mixed);
    }
}
