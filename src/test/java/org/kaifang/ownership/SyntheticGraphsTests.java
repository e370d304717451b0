package org.kaifang.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kaifang.ownership.bench.SyntheticGraphs;

/** The benchmark graphs are what the benchmarks claim they are. */
class SyntheticGraphsTests {

    @Test
    void theMillionPartyGraphHasOnePercentOnSmallCycles() {
        var g = SyntheticGraphs.graph(1_000_000, 2_000_000, 0.01, 20_260_301L);
        var start = new int[g.parties() + 1];
        for (var v : g.owned()) {
            start[v + 1]++;
        }
        for (int v = 0; v < g.parties(); v++) {
            start[v + 1] += start[v];
        }
        var from = new int[g.owner().length];
        var next = Arrays.copyOf(start, g.parties());
        for (int e = 0; e < from.length; e++) {
            from[next[g.owned()[e]]++] = g.owner()[e];
        }

        var components = new GraphSolver.Components(g.parties(), start, from);

        var onCycles = 0;
        var largest = 0;
        for (int c = 0; c < components.count; c++) {
            var size = components.size(c);
            if (size > 1) {
                onCycles += size;
                largest = Math.max(largest, size);
            }
        }
        assertThat(g.owner()).hasSize(2_000_000);
        assertThat(onCycles).isBetween(10_000, 10_100);
        assertThat(largest).isLessThanOrEqualTo(ForeignShares.DENSE_LIMIT);
        var held = new double[g.parties()];
        for (int e = 0; e < g.share().length; e++) {
            held[g.owned()[e]] += g.share()[e];
        }
        assertThat(Arrays.stream(held).max().orElseThrow()).isLessThan(1);
    }

    @Test
    void theThousandPartyStructureIsValidWithChainsWorthReporting() {
        var structure = SyntheticGraphs.upstream(1_000, 20_260_301L);

        var analysis = new OwnershipAnalyser(Set.of("CN")).analyse(structure);

        assertThat(structure.parties()).hasSize(1_000);
        assertThat(analysis.paths()).hasSize(OwnershipAnalyser.MAX_PATHS);
        assertThat(analysis.effective()).hasSizeGreaterThan(100);
        assertThat(analysis.foreignEquity().lookThroughRange().low())
                .isLessThan(analysis.foreignEquity().lookThroughRange().high());
    }
}
