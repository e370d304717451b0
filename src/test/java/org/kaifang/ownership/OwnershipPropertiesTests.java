package org.kaifang.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.jspecify.annotations.Nullable;

/** Invariants of look-through analysis over random valid structures, acyclic and cyclic, exact and banded. */
class OwnershipPropertiesTests {

    private static final OwnershipAnalyser ANALYSER = OwnershipAnalyserTests.ANALYSER;

    /** One unit in the last reported place: analyses round percentages to 4 decimals. */
    private static final double ROUNDING = 1e-4;

    @Property(tries = 2000)
    void everyShareIsAPercentageAndBoundsEncloseThePointValue(@ForAll("banded") OwnershipStructure structure) {
        var analysis = analyseSolvable(structure);

        var equity = analysis.foreignEquity();
        assertPercent(equity.direct());
        assertPercent(equity.directRange().low());
        assertPercent(equity.directRange().high());
        assertPercent(equity.lookThrough());
        assertPercent(equity.lookThroughRange().low());
        assertPercent(equity.lookThroughRange().high());
        assertThat(equity.directRange().low()).isLessThanOrEqualTo(equity.direct());
        assertThat(equity.direct()).isLessThanOrEqualTo(equity.directRange().high());
        assertThat(equity.lookThroughRange().low()).isLessThanOrEqualTo(equity.lookThrough());
        assertThat(equity.lookThrough())
                .isLessThanOrEqualTo(equity.lookThroughRange().high());
        analysis.effective().forEach(e -> assertPercent(e.percent()));
        analysis.paths().forEach(p -> assertPercent(p.percent()));
        // The ultimate owners between them hold at most all of the applicant; rounding may add a unit per owner.
        var owned = analysis.effective().stream()
                .mapToDouble(OwnershipAnalysis.Effective::percent)
                .sum();
        assertThat(owned)
                .isLessThanOrEqualTo(100 + ROUNDING * analysis.effective().size());
    }

    @Property(tries = 1000)
    void aDomesticNewcomerNeverRaisesTheForeignShare(
            @ForAll("banded") OwnershipStructure structure,
            @ForAll @IntRange(min = 0, max = 1000) int target,
            @ForAll @IntRange(min = 1, max = 100) int percentOfRemainder) {
        var before = analyseSolvable(structure);
        var company =
                structure.parties().get(target % structure.parties().size()).id();
        var held = structure.holdings().stream()
                .filter(h -> h.owned().equals(company))
                .mapToDouble(h -> h.equity().low())
                .sum();
        var remainder = 1 - held;
        Assume.that(remainder > 1e-6);
        var parties = new ArrayList<>(structure.parties());
        parties.add(new Party("newcomer", "Domestic Newcomer", PartyKind.PERSON, "CN", Map.of()));
        var holdings = new ArrayList<>(structure.holdings());
        holdings.add(new Holding("newcomer", company, Share.exactly(remainder * percentOfRemainder / 100), null));

        var after = ANALYSER.analyse(new OwnershipStructure(parties, holdings, structure.control()));

        var was = before.foreignEquity();
        var is = after.foreignEquity();
        assertThat(is.lookThrough()).isLessThanOrEqualTo(was.lookThrough() + ROUNDING);
        assertThat(is.lookThroughRange().low())
                .isLessThanOrEqualTo(was.lookThroughRange().low() + ROUNDING);
        assertThat(is.lookThroughRange().high())
                .isLessThanOrEqualTo(was.lookThroughRange().high() + ROUNDING);
    }

    @Property(tries = 1000)
    void theOrderOfPartiesAndHoldingsDoesNotMatter(
            @ForAll("banded") OwnershipStructure structure, @ForAll Random random) {
        var analysis = analyseSolvable(structure);
        var parties = new ArrayList<>(structure.parties());
        var holdings = new ArrayList<>(structure.holdings());
        Collections.shuffle(parties, random);
        Collections.shuffle(holdings, random);

        var shuffled = ANALYSER.analyse(new OwnershipStructure(parties, holdings, structure.control()));

        var equity = analysis.foreignEquity();
        var again = shuffled.foreignEquity();
        assertThat(again.direct()).isCloseTo(equity.direct(), within(ROUNDING));
        assertThat(again.lookThrough()).isCloseTo(equity.lookThrough(), within(ROUNDING));
        assertThat(again.lookThroughRange().low())
                .isCloseTo(equity.lookThroughRange().low(), within(ROUNDING));
        assertThat(again.lookThroughRange().high())
                .isCloseTo(equity.lookThroughRange().high(), within(ROUNDING));
        assertThat(shuffled.effective()).hasSameSizeAs(analysis.effective());
        for (var e : analysis.effective()) {
            var same = shuffled.effective().stream()
                    .filter(s -> s.party().equals(e.party()))
                    .findFirst()
                    .orElseThrow();
            assertThat(same.percent()).isCloseTo(e.percent(), within(ROUNDING));
        }
        assertThat(shuffled.paths()).hasSameSizeAs(analysis.paths());
        for (int i = 0; i < analysis.paths().size(); i++) {
            assertThat(shuffled.paths().get(i).percent())
                    .isCloseTo(analysis.paths().get(i).percent(), within(ROUNDING));
        }
        assertThat(Set.copyOf(shuffled.controllers())).isEqualTo(Set.copyOf(analysis.controllers()));
        assertThat(shuffled.foreignControlled()).isEqualTo(analysis.foreignControlled());
    }

    @Property(tries = 1000)
    void exactSharesGiveNoBand(@ForAll("exact") OwnershipStructure structure) {
        var equity = analyseSolvable(structure).foreignEquity();

        assertThat(equity.lookThroughRange())
                .isEqualTo(new OwnershipAnalysis.Range(equity.lookThrough(), equity.lookThrough()));
        assertThat(equity.directRange()).isEqualTo(new OwnershipAnalysis.Range(equity.direct(), equity.direct()));
    }

    @Property(tries = 500)
    void aWhollyDomesticStructureHasNoForeignEquity(@ForAll("banded") OwnershipStructure structure) {
        var parties = structure.parties().stream()
                .map(p -> new Party(p.id(), p.name(), p.kind(), "CN", p.identifiers()))
                .toList();

        var analysis = analyseSolvable(new OwnershipStructure(parties, structure.holdings(), structure.control()));

        assertThat(analysis.foreignEquity())
                .isEqualTo(new OwnershipAnalysis.ForeignEquity(
                        0, new OwnershipAnalysis.Range(0, 0), 0, new OwnershipAnalysis.Range(0, 0)));
        assertThat(analysis.effective()).noneMatch(OwnershipAnalysis.Effective::foreign);
        assertThat(analysis.foreignControlled()).isFalse();
    }

    /** The chains reported are the largest of all, as an exhaustive enumeration of every simple chain finds them. */
    @Property(tries = 1000)
    void reportsTheLargestChains(@ForAll("banded") OwnershipStructure structure) {
        var analysis = analyseSolvable(structure);
        var point = new HashMap<Holding, Double>();
        for (var party : structure.parties()) {
            var into = structure.holdings().stream()
                    .filter(h -> h.owned().equals(party.id()))
                    .toList();
            var values = OwnershipAnalyser.pointShares(into);
            for (int i = 0; i < values.length; i++) {
                point.put(into.get(i), values[i]);
            }
        }
        var all = new ArrayList<Map.Entry<List<String>, Double>>();
        enumerate(structure, point, new ArrayList<>(List.of(OwnershipStructure.APPLICANT)), 1.0, all);
        var expected = all.stream()
                .filter(c -> c.getValue() >= 1e-7)
                .sorted(Comparator.comparingDouble(
                                (Map.Entry<List<String>, Double> c) -> OwnershipAnalyser.percent(c.getValue()))
                        .reversed()
                        .thenComparing(c -> String.join("/", c.getKey())))
                .limit(OwnershipAnalyser.MAX_PATHS)
                .toList();

        assertThat(analysis.paths())
                .extracting(OwnershipAnalysis.Chain::parties)
                .containsExactlyElementsOf(
                        expected.stream().map(Map.Entry::getKey).toList());
        assertThat(analysis.paths())
                .extracting(OwnershipAnalysis.Chain::percent)
                .containsExactlyElementsOf(expected.stream()
                        .map(c -> OwnershipAnalyser.percent(c.getValue()))
                        .toList());
    }

    /** Every simple chain up from the last party of {@code chain} to a party nobody holds, owner first. */
    private static void enumerate(
            OwnershipStructure structure,
            Map<Holding, Double> point,
            List<String> chain,
            double product,
            List<Map.Entry<List<String>, Double>> all) {
        var party = chain.getLast();
        var holders = structure.holdings().stream()
                .filter(h -> h.owned().equals(party))
                .toList();
        if (holders.isEmpty() && chain.size() > 1) {
            all.add(Map.entry(List.copyOf(chain.reversed()), product));
        }
        for (var h : holders) {
            if (!chain.contains(h.owner())) {
                chain.add(h.owner());
                enumerate(structure, point, chain, product * point.get(h), all);
                chain.removeLast();
            }
        }
    }

    @Provide
    Arbitrary<OwnershipStructure> banded() {
        return GeneratedStructures.withBands();
    }

    @Provide
    Arbitrary<OwnershipStructure> exact() {
        return GeneratedStructures.exact();
    }

    /** The analysis, discarding the (rare) generated structure whose cycle owns all of itself. */
    private static OwnershipAnalysis analyseSolvable(OwnershipStructure structure) {
        @Nullable OwnershipAnalysis analysis = null;
        try {
            analysis = ANALYSER.analyse(structure);
        } catch (InvalidStructure e) {
            assertThat(e.getMessage()).contains("no solution");
        }
        Assume.that(analysis != null);
        return analysis;
    }

    private static void assertPercent(double value) {
        assertThat(value).isBetween(0.0, 100.0);
    }
}
