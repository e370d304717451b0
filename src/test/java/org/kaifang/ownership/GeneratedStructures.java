package org.kaifang.ownership;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random valid shareholding structures for property tests: a layered graph (owners sit above what they own) with some
 * holdings pointing back down to make cycles, each company's holders summing to at most 100%, and some bands.
 *
 * <p>Structures are built from simple recipes (jurisdictions and stakes as small integers) so that jqwik can shrink a
 * failing case to a readable one.
 */
final class GeneratedStructures {

    static final List<String> JURISDICTIONS = List.of("CN", "HK", "MO", "TW", "DE", "US");

    private GeneratedStructures() {}

    /** One proposed holding; indices are taken modulo the number of parties. */
    record Stake(int owner, int owned, int basisPoints, int bandBasisPoints, boolean backwards) {}

    /** Structures in which some holdings are bands. */
    static Arbitrary<OwnershipStructure> withBands() {
        return structures(Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 4000))));
    }

    /** Structures in which every holding is an exact share. */
    static Arbitrary<OwnershipStructure> exact() {
        return structures(Arbitraries.just(0));
    }

    private static Arbitrary<OwnershipStructure> structures(Arbitrary<Integer> bands) {
        var jurisdictions = Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(4, Arbitraries.just("CN")),
                        net.jqwik.api.Tuple.of(4, Arbitraries.of(JURISDICTIONS.subList(1, JURISDICTIONS.size()))))
                .list()
                .ofMinSize(1)
                .ofMaxSize(14);
        var stake = Combinators.combine(
                        Arbitraries.integers().between(0, 1000),
                        Arbitraries.integers().between(0, 1000),
                        Arbitraries.integers().between(1, 10_000),
                        bands,
                        Arbitraries.integers().between(0, 9).map(i -> i == 0))
                .as(Stake::new);
        return Combinators.combine(jurisdictions, stake.list().ofMaxSize(40)).as(GeneratedStructures::build);
    }

    /**
     * The structure of a recipe: party 0 is the applicant; a stake normally runs from the higher index down to the
     * lower (so the graph is acyclic) unless it is marked {@code backwards}; each company's stakes are scaled down to
     * at most 100% in total.
     */
    static OwnershipStructure build(List<String> jurisdictions, List<Stake> stakes) {
        var n = jurisdictions.size();
        var parties = new ArrayList<Party>();
        for (int i = 0; i < n; i++) {
            var id = i == 0 ? OwnershipStructure.APPLICANT : "p" + i;
            parties.add(new Party(id, "Party " + i, PartyKind.COMPANY, jurisdictions.get(i), Map.of()));
        }
        var pairs = new HashSet<Long>();
        var chosen = new ArrayList<Stake>();
        var total = new double[n];
        for (var s : stakes) {
            var owner = s.owner() % n;
            var owned = s.owned() % n;
            if (owner == owned) {
                continue;
            }
            if (!s.backwards() && owner < owned) {
                var swap = owner;
                owner = owned;
                owned = swap;
            }
            if (pairs.add((long) owner * n + owned)) {
                chosen.add(new Stake(owner, owned, s.basisPoints(), s.bandBasisPoints(), s.backwards()));
                total[owned] += s.basisPoints() / 10_000.0;
            }
        }
        var holdings = new ArrayList<Holding>();
        for (var s : chosen) {
            var low = s.basisPoints() / 10_000.0 / Math.max(1, total[s.owned()]);
            var high = Math.min(1, low + s.bandBasisPoints() / 10_000.0);
            holdings.add(new Holding(
                    parties.get(s.owner()).id(), parties.get(s.owned()).id(), new Share(low, high), null));
        }
        return new OwnershipStructure(parties, holdings, List.of());
    }
}
