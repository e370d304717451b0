package org.kaifang.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Bulk look-through foreign shares: checked against the analyser, by hand, and at depths recursion could not reach. */
class ForeignSharesTests {

    private static final OwnershipAnalyser ANALYSER = OwnershipAnalyserTests.ANALYSER;

    /** The structure as arrays, with bands at the analyser's point values. */
    record Flat(int parties, int[] owner, int[] owned, double[] share, boolean[] foreign) {

        static Flat of(OwnershipStructure structure) {
            var index = new HashMap<String, Integer>();
            var foreign = new boolean[structure.parties().size()];
            for (int i = 0; i < foreign.length; i++) {
                var party = structure.parties().get(i);
                index.put(party.id(), i);
                foreign[i] = ANALYSER.foreign(party);
            }
            var m = structure.holdings().size();
            var owner = new int[m];
            var owned = new int[m];
            var share = new double[m];
            var e = 0;
            for (var party : structure.parties()) {
                var into = structure.holdings().stream()
                        .filter(h -> h.owned().equals(party.id()))
                        .toList();
                var point = OwnershipAnalyser.pointShares(into);
                for (int i = 0; i < point.length; i++, e++) {
                    owner[e] = index.get(into.get(i).owner());
                    owned[e] = index.get(party.id());
                    share[e] = point[i];
                }
            }
            return new Flat(foreign.length, owner, owned, share, foreign);
        }

        double[] foreignShares() {
            return ForeignShares.of(parties, owner, owned, share, foreign);
        }
    }

    @Property(tries = 2000)
    void agreesWithTheAnalyserForEveryParty(@ForAll("structures") OwnershipStructure structure) {
        double[] expected;
        try {
            expected = ANALYSER.lookThroughShares(structure);
        } catch (GraphSolver.SingularCycle e) {
            assertThatThrownBy(() -> Flat.of(structure).foreignShares())
                    .isInstanceOf(ForeignShares.UnsolvableCycle.class);
            return;
        }

        var actual = Flat.of(structure).foreignShares();

        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as(structure.parties().get(i).id()).isCloseTo(expected[i], within(1e-9));
        }
        assertThat(ANALYSER.analyse(structure).foreignEquity().lookThrough())
                .isEqualTo(OwnershipAnalyser.percent(actual[0]));
    }

    @Provide
    Arbitrary<OwnershipStructure> structures() {
        return GeneratedStructures.withBands();
    }

    /** The two-company cycle of {@link OwnershipAnalyserTests#solvesATwoCompanyCycleExactly}, by hand. */
    @Test
    void solvesATwoCompanyCycle() {
        // 0 applicant (CN), 1 A (CN), 2 B (CN), 3 F (DE), 4 G (FR), 5 P (CN)
        var f = ForeignShares.of(
                6,
                new int[] {3, 2, 1, 4, 1, 5},
                new int[] {1, 1, 2, 2, 0, 0},
                new double[] {0.5, 0.2, 0.3, 0.7, 0.6, 0.4},
                new boolean[] {false, false, false, true, true, false});

        assertThat(f[1]).isCloseTo(0.64 / 0.94, within(1e-15));
        assertThat(f[2]).isCloseTo(0.3 * 0.64 / 0.94 + 0.7, within(1e-15));
        assertThat(f[0]).isCloseTo(0.6 * 0.64 / 0.94, within(1e-15));
        assertThat(f[3]).isEqualTo(1.0);
        assertThat(f[5]).isEqualTo(0.0);
    }

    @Test
    void countsUndisclosedEquityByTheCompanysOwnJurisdiction() {
        // 0 HK company, 30% disclosed as held by 1 (CN); 2 (CN) company, 30% held by 3 (US)
        var f = ForeignShares.of(
                4, new int[] {1, 3}, new int[] {0, 2}, new double[] {0.3, 0.3}, new boolean[] {true, false, false, true
                });

        assertThat(f[0]).isCloseTo(0.7, within(1e-15));
        assertThat(f[2]).isCloseTo(0.3, within(1e-15));
    }

    /** A chain a million holdings long: a recursive depth-first search would overflow the stack here. */
    @Test
    void followsAChainAMillionDeep() {
        var n = 1_000_000;
        var owner = new int[n - 1];
        var owned = new int[n - 1];
        var share = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            owner[i] = i + 1;
            owned[i] = i;
            share[i] = i % 2 == 0 ? 1.0 : 0.999_999;
        }
        var foreign = new boolean[n];
        foreign[n - 1] = true;

        var f = ForeignShares.of(n, owner, owned, share, foreign);

        // Half the links are 99.9999%, so the share at the bottom is 0.999999 ^ 499,999 ≈ e^-0.5.
        assertThat(f[0]).isCloseTo(Math.pow(0.999_999, (n - 1) / 2), within(1e-9));
        assertThat(f[n - 1]).isEqualTo(1.0);
    }

    /**
     * A ring of 1,000 companies, above the dense limit, each held 50% by the one before it and 10% by a foreign
     * fund: by symmetry each is f = 0.1 + 0.5·f, so f = 0.2.
     */
    @Test
    void solvesACycleTooLargeForDenseElimination() {
        var ring = 1_000;
        var fund = ring;
        var owner = new ArrayList<Integer>();
        var owned = new ArrayList<Integer>();
        var share = new ArrayList<Double>();
        for (int i = 0; i < ring; i++) {
            owner.add((i + ring - 1) % ring);
            owned.add(i);
            share.add(0.5);
            owner.add(fund);
            owned.add(i);
            share.add(0.1);
        }
        var foreign = new boolean[ring + 1];
        foreign[fund] = true;

        var f = ForeignShares.of(ring + 1, ints(owner), ints(owned), doubles(share), foreign);

        for (int i = 0; i < ring; i++) {
            assertThat(f[i]).isCloseTo(0.2, within(1e-12));
        }
    }

    @Test
    void refusesALoopThatOwnsAllOfItself() {
        assertThatThrownBy(() -> ForeignShares.of(
                        3, new int[] {1, 2, 1}, new int[] {2, 1, 0}, new double[] {1, 1, 0.5}, new boolean[3]))
                .isInstanceOf(ForeignShares.UnsolvableCycle.class)
                .hasMessageContaining("parties 1, 2 (2 in all)")
                .satisfies(e -> assertThat(((ForeignShares.UnsolvableCycle) e).parties())
                        .containsExactly(1, 2));
    }

    /** Above the dense limit too: iteration alone would settle on zeros and never notice. */
    @Test
    void refusesALargeLoopThatOwnsAllOfItself() {
        var ring = 500;
        var owner = new int[ring];
        var owned = new int[ring];
        var share = new double[ring];
        for (int i = 0; i < ring; i++) {
            owner[i] = (i + 1) % ring;
            owned[i] = i;
            share[i] = 1;
        }

        assertThatThrownBy(() -> ForeignShares.of(ring, owner, owned, share, new boolean[ring]))
                .isInstanceOf(ForeignShares.UnsolvableCycle.class)
                .hasMessageContaining("(500 in all)");
    }

    @Test
    void namesTheHoldingOrPartyThatMakesAGraphInvalid() {
        var foreign = new boolean[2];
        assertThatThrownBy(() -> ForeignShares.of(2, new int[] {2}, new int[] {0}, new double[] {0.5}, foreign))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("holding 0: owner 2 is not a party 0–1");
        assertThatThrownBy(() -> ForeignShares.of(2, new int[] {1}, new int[] {1}, new double[] {0.5}, foreign))
                .hasMessage("holding 0: party 1 cannot hold itself directly");
        assertThatThrownBy(() -> ForeignShares.of(2, new int[] {1}, new int[] {0}, new double[] {Double.NaN}, foreign))
                .hasMessage("holding 0: share NaN is not from 0 to 1");
        assertThatThrownBy(() -> ForeignShares.of(
                        3, new int[] {1, 2}, new int[] {0, 0}, new double[] {0.6, 0.5}, new boolean[3]))
                .hasMessageStartingWith("the holdings in party 0 sum to 110");
        assertThatThrownBy(() -> ForeignShares.of(2, new int[] {1}, new int[] {0}, new double[] {0.5}, new boolean[3]))
                .hasMessageContaining("one entry per party");
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] doubles(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
