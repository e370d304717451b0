package org.kaifang.ownership.bench;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.kaifang.ownership.ForeignShares;
import org.kaifang.ownership.OwnershipAnalyser;
import org.kaifang.ownership.OwnershipAnalysis;
import org.kaifang.ownership.OwnershipStructure;
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

/**
 * The budgets of issue 3: every party's foreign share in a graph of 1,000,000 parties and 2,000,000 holdings (1% of
 * parties on cycles) in under 10 s within a 2 GB heap, and one applicant with a 1,000-party upstream structure analysed
 * in under 5 ms.
 *
 * <p>Run with {@code ./mvnw -Pbench test-compile exec:exec -Dbench=OwnershipBenchmark}.
 */
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class OwnershipBenchmark {

    static final long SEED = 20_260_301L;

    /** The million-party graph; building it is set-up, not measured. */
    @State(Scope.Benchmark)
    public static class Registry {
        SyntheticGraphs.Graph graph;

        @Setup(Level.Trial)
        public void build() {
            graph = SyntheticGraphs.graph(1_000_000, 2_000_000, 0.01, SEED);
        }
    }

    /** The 1,000-party upstream structure of one applicant. */
    @State(Scope.Benchmark)
    public static class Applicant {
        final OwnershipAnalyser analyser = new OwnershipAnalyser(Set.of("CN"));
        OwnershipStructure structure;

        @Setup(Level.Trial)
        public void build() {
            structure = SyntheticGraphs.upstream(1_000, SEED);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 10)
    public double[] foreignSharesOfAMillionParties(Registry registry) {
        var g = registry.graph;
        return ForeignShares.of(g.parties(), g.owner(), g.owned(), g.share(), g.foreign());
    }

    /** Generation and computation together, for a sense of the whole job. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2, time = 5)
    @Measurement(iterations = 3, time = 10)
    public double[] generateAndComputeAMillionParties() {
        var g = SyntheticGraphs.graph(1_000_000, 2_000_000, 0.01, SEED);
        return ForeignShares.of(g.parties(), g.owner(), g.owned(), g.share(), g.foreign());
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 5)
    @Measurement(iterations = 5, time = 10)
    public OwnershipAnalysis analyseAThousandPartyStructure(Applicant applicant) {
        return applicant.analyser.analyse(applicant.structure);
    }
}
