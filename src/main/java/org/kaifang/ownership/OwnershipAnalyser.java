package org.kaifang.ownership;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kaifang.rules.Bilingual;

/**
 * Analyses a shareholding structure for its applicant: direct and look-through foreign equity (with bounds when shares
 * are bands), each ultimate owner's effective share, the contributing chains, and the ultimate controllers.
 *
 * <p>Look-through follows 47 CFR §1.5002: multiply along each chain, sum over chains. Cycles are solved exactly as a
 * linear system. Equity of a company that its disclosed holders do not account for is attributed to the company
 * itself, by its own jurisdiction. A pure function: safe to share between threads.
 */
public final class OwnershipAnalyser {

    /** At most this many chains are reported, largest first. */
    static final int MAX_PATHS = 20;

    /** Chains smaller than this fraction are not reported. */
    private static final double MIN_PATH = 1e-7;

    /** The search for chains looks at no more than this many partial chains. */
    private static final int PATH_BUDGET = 200_000;

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final double EPSILON = 1e-9;

    private final Set<String> domestic;

    /** @param domesticJurisdictions the jurisdictions whose parties are not foreign investors (from the rule pack) */
    public OwnershipAnalyser(Set<String> domesticJurisdictions) {
        this.domestic = Set.copyOf(domesticJurisdictions);
    }

    public boolean foreign(Party party) {
        return !domestic.contains(party.jurisdiction());
    }

    /** Every problem of {@code structure}, each naming its party; empty when it can be analysed. */
    public static List<StructureProblem> problems(OwnershipStructure structure) {
        var problems = new ArrayList<StructureProblem>();
        var ids = new HashMap<String, Integer>();
        for (int i = 0; i < structure.parties().size(); i++) {
            var party = structure.parties().get(i);
            if (ids.putIfAbsent(party.id(), i) != null) {
                problems.add(new StructureProblem("/parties/" + i + "/id", "duplicate party id '" + party.id() + "'"));
            }
            if (!COUNTRIES.contains(party.jurisdiction())) {
                problems.add(new StructureProblem(
                        "/parties/" + i + "/jurisdiction",
                        "'" + party.jurisdiction() + "' of party '" + party.id()
                                + "' is not an ISO 3166-1 alpha-2 code (CN, HK, MO, TW, DE, US …)"));
            }
        }
        if (!ids.containsKey(OwnershipStructure.APPLICANT)) {
            problems.add(new StructureProblem("/parties", "no party has the id 'applicant'"));
        }
        var equityIn = new HashMap<String, Double>();
        var votesIn = new HashMap<String, Double>();
        var pairs = new HashSet<Object>();
        var declaredVotes = new HashSet<String>();
        for (int i = 0; i < structure.holdings().size(); i++) {
            var h = structure.holdings().get(i);
            var path = "/holdings/" + i;
            if (!ids.containsKey(h.owner())) {
                problems.add(new StructureProblem(path + "/owner", "unknown party '" + h.owner() + "'"));
            }
            if (!ids.containsKey(h.owned())) {
                problems.add(new StructureProblem(path + "/owned", "unknown party '" + h.owned() + "'"));
            }
            if (h.owner().equals(h.owned())) {
                problems.add(new StructureProblem(path, "party '" + h.owner() + "' cannot hold itself directly"));
            }
            var owner = ids.get(h.owner());
            var owned = ids.get(h.owned());
            // Both known: a number is a cheaper key than a string, which matters at thousands of holdings.
            var pair = owner != null && owned != null
                    ? (Object) (((long) owner << 32) | owned)
                    : h.owner() + "\u0000" + h.owned();
            if (!pairs.add(pair)) {
                problems.add(new StructureProblem(
                        path, "'" + h.owner() + "' holds '" + h.owned() + "' twice: give one holding"));
            }
            equityIn.merge(h.owned(), h.equity().low(), Double::sum);
            if (h.voting() != null) {
                declaredVotes.add(h.owned());
            }
            votesIn.merge(h.owned(), h.votes().low(), Double::sum);
        }
        equityIn.forEach((owned, sum) -> {
            if (sum > 1 + EPSILON) {
                problems.add(new StructureProblem(
                        "/holdings",
                        "the holdings in '" + owned + "' sum to at least " + percentText(sum) + "%, more than 100%"));
            }
        });
        votesIn.forEach((owned, sum) -> {
            if (sum > 1 + EPSILON && declaredVotes.contains(owned)) {
                problems.add(new StructureProblem(
                        "/holdings",
                        "the votes in '" + owned + "' sum to at least " + percentText(sum) + "%, more than 100%"));
            }
        });
        for (int i = 0; i < structure.control().size(); i++) {
            var c = structure.control().get(i);
            var path = "/control/" + i;
            if (!ids.containsKey(c.controller())) {
                problems.add(new StructureProblem(path + "/controller", "unknown party '" + c.controller() + "'"));
            }
            if (!ids.containsKey(c.controlled())) {
                problems.add(new StructureProblem(path + "/controlled", "unknown party '" + c.controlled() + "'"));
            }
            if (c.controller().equals(c.controlled())) {
                problems.add(new StructureProblem(path, "party '" + c.controller() + "' cannot control itself"));
            }
        }
        return problems;
    }

    /**
     * Analyses {@code structure} for the party {@code applicant}.
     *
     * @throws InvalidStructure listing every problem, including a cycle with no solution
     */
    public OwnershipAnalysis analyse(OwnershipStructure structure) {
        var problems = problems(structure);
        if (!problems.isEmpty()) {
            throw new InvalidStructure(problems);
        }
        var graph = new Graph(structure);
        var applicant = graph.index.get(OwnershipStructure.APPLICANT);
        var foreign = new boolean[graph.n];
        for (int i = 0; i < graph.n; i++) {
            foreign[i] = foreign(graph.parties.get(i));
        }
        double[] share;
        double[] stake;
        try {
            share = graph.foreignShare(foreign);
            stake = graph.stakeIn(applicant);
        } catch (GraphSolver.SingularCycle e) {
            var names = Arrays.stream(e.members)
                    .mapToObj(i -> "'" + graph.parties.get(i).id() + "'")
                    .sorted()
                    .toList();
            throw new InvalidStructure(List.of(new StructureProblem(
                    "/holdings",
                    "the cycle through " + String.join(", ", names)
                            + " has no solution: together they would own all of themselves")));
        }
        var low = graph.foreignShareBound(foreign, share, true);
        var high = graph.foreignShareBound(foreign, share, false);

        var directLow = 0.0;
        var directHigh = 0.0;
        var directMid = 0.0;
        var domesticLow = 0.0;
        for (var h : graph.holdersOf(applicant)) {
            if (foreign[graph.index.get(h.owner())]) {
                directLow += h.equity().low();
                directHigh += h.equity().high();
                directMid += graph.point(h);
            } else {
                domesticLow += h.equity().low();
            }
        }
        // Bands may be wider than the equity left over: foreign holders cannot hold what domestic ones already do.
        directHigh = Math.min(directHigh, 1 - domesticLow);
        var equity = new OwnershipAnalysis.ForeignEquity(
                percent(directMid),
                new OwnershipAnalysis.Range(percent(directLow), percent(directHigh)),
                percent(share[applicant]),
                new OwnershipAnalysis.Range(
                        percent(Math.min(low[applicant], share[applicant])),
                        percent(Math.max(high[applicant], share[applicant]))));

        var effective = new ArrayList<OwnershipAnalysis.Effective>();
        for (int i = 0; i < graph.n; i++) {
            if (i != applicant && graph.holdersOf(i).isEmpty() && stake[i] > EPSILON) {
                effective.add(
                        new OwnershipAnalysis.Effective(graph.parties.get(i).id(), percent(stake[i]), foreign[i]));
            }
        }
        effective.sort(Comparator.comparingDouble(OwnershipAnalysis.Effective::percent)
                .reversed()
                .thenComparing(OwnershipAnalysis.Effective::party));

        var controllers = graph.controllers(applicant, foreign);
        var foreignControlled = controllers.stream().anyMatch(OwnershipAnalysis.Controller::foreign);
        return new OwnershipAnalysis(
                equity, foreignControlled, controllers, effective, graph.paths(applicant, foreign));
    }

    /**
     * Each party's look-through foreign share as a fraction, unrounded, in the order of {@code structure}'s parties:
     * what {@link #analyse} reports for the applicant, here for all, so that {@link ForeignShares} can be checked
     * against it. The structure must be valid.
     */
    double[] lookThroughShares(OwnershipStructure structure) {
        var graph = new Graph(structure);
        var foreign = new boolean[graph.n];
        for (int i = 0; i < graph.n; i++) {
            foreign[i] = foreign(graph.parties.get(i));
        }
        return graph.foreignShare(foreign);
    }

    static double percent(double fraction) {
        return Math.round(fraction * 100 * 10_000) / 10_000.0;
    }

    private static String percentText(double fraction) {
        var value = percent(fraction);
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /**
     * The point value of each holding into one company: exact shares as they are, bands at their mid-points unless
     * the mid-points would allot more than 100%, in which case the bands share the equity left over in proportion to
     * their widths. Every value stays within its band and the company's holders never exceed 100%, so look-through
     * shares stay within 0–100% (mid-points of [40%, 80%] and [40%, 80%] would allot 120%).
     */
    static double[] pointShares(List<Holding> into) {
        var lows = 0.0;
        var widths = 0.0;
        for (var h : into) {
            lows += h.equity().low();
            widths += h.equity().high() - h.equity().low();
        }
        var fraction = widths > 0 ? Math.min(0.5, Math.max(0, 1 - lows) / widths) : 0;
        var point = new double[into.size()];
        for (int i = 0; i < point.length; i++) {
            var equity = into.get(i).equity();
            point[i] = equity.exact() ? equity.low() : equity.low() + fraction * (equity.high() - equity.low());
        }
        return point;
    }

    /** The structure as index-based adjacency. */
    private static final class Graph {
        final int n;
        final List<Party> parties;
        final Map<String, Integer> index = new HashMap<>();
        final List<List<Holding>> holders = new ArrayList<>();
        final Map<Holding, Double> point = new IdentityHashMap<>();
        /** Whether any holding is a band rather than an exact share. */
        final boolean banded;

        final List<ControlFact> control;
        /** The holders of {@code v} are {@code from[start[v] .. start[v+1])}, holding {@code weight[...]}. */
        final int[] start;

        final int[] from;
        final double[] weight;
        /** The same the other way: what {@code u} holds is {@code heldTo[heldStart[u] .. heldStart[u+1])}. */
        final int[] heldStart;

        final int[] heldTo;
        final double[] heldWeight;

        Graph(OwnershipStructure structure) {
            this.parties = structure.parties();
            this.n = parties.size();
            for (int i = 0; i < n; i++) {
                index.put(parties.get(i).id(), i);
                holders.add(new ArrayList<>());
            }
            for (var h : structure.holdings()) {
                holders.get(index.get(h.owned())).add(h);
            }
            for (var into : holders) {
                var values = pointShares(into);
                for (int i = 0; i < values.length; i++) {
                    point.put(into.get(i), values[i]);
                }
            }
            this.banded =
                    structure.holdings().stream().anyMatch(h -> !h.equity().exact());
            this.control = structure.control();
            // The holders once more as compressed rows, for the solvers and searches that run over them repeatedly.
            start = new int[n + 1];
            for (int v = 0; v < n; v++) {
                start[v + 1] = start[v] + holders.get(v).size();
            }
            from = new int[start[n]];
            weight = new double[start[n]];
            for (int v = 0; v < n; v++) {
                var e = start[v];
                for (var h : holders.get(v)) {
                    from[e] = index.get(h.owner());
                    weight[e++] = point(h);
                }
            }
            heldStart = new int[n + 1];
            for (var u : from) {
                heldStart[u + 1]++;
            }
            for (int u = 0; u < n; u++) {
                heldStart[u + 1] += heldStart[u];
            }
            heldTo = new int[from.length];
            heldWeight = new double[from.length];
            var next = Arrays.copyOf(heldStart, n);
            for (int v = 0; v < n; v++) {
                for (int e = start[v]; e < start[v + 1]; e++) {
                    var slot = next[from[e]]++;
                    heldTo[slot] = v;
                    heldWeight[slot] = weight[e];
                }
            }
        }

        /** The point value of {@code holding}: see {@link #pointShares}. */
        double point(Holding holding) {
            return point.get(holding);
        }

        List<Holding> holdersOf(int party) {
            return holders.get(party);
        }

        /** The foreign share of each party's own equity, with point values for bands. */
        double[] foreignShare(boolean[] foreign) {
            var b = new double[n];
            for (int v = 0; v < n; v++) {
                var held = 0.0;
                for (int e = start[v]; e < start[v + 1]; e++) {
                    held += weight[e];
                }
                b[v] = foreign[v] ? Math.max(0, 1 - held) : 0;
            }
            return GraphSolver.solve(n, start, from, weight, b);
        }

        /**
         * A lower (or upper) bound of each party's foreign share when shares are bands: each party takes the band values
         * that push its share down (or up), never letting its holders exceed 100%.
         */
        double[] foreignShareBound(boolean[] foreign, double[] point, boolean lower) {
            var x = point.clone();
            if (!banded) {
                // With exact shares there is nothing to choose: the bounds are the point values.
                return x;
            }
            // In dependency order a party's holders are final before it is looked at, so each party outside a cycle
            // is settled at once (no party holds itself directly) and each cycle on its own.
            var components = new GraphSolver.Components(n, start, from);
            for (int c = 0; c < components.count; c++) {
                var members = components.members(c);
                if (members.length == 1) {
                    var v = members[0];
                    x[v] = value(v, foreign[v] ? 1.0 : 0.0, choose(v, foreign[v] ? 1.0 : 0.0, x, lower), x);
                } else {
                    settleCycle(members, foreign, x, lower);
                }
            }
            return x;
        }

        /**
         * Policy iteration: each member chooses its band values given the cycle's current shares, then the cycle is
         * solved exactly for those choices, until the shares stop moving. Iterating values alone crawls on a cycle
         * whose members hold nearly all of each other (99.99% both ways moves by 0.02% a sweep) and stopped far
         * from the bound, differently for different orders of input.
         */
        private void settleCycle(int[] members, boolean[] foreign, double[] x, boolean lower) {
            var k = members.length;
            var local = new HashMap<Integer, Integer>();
            for (int i = 0; i < k; i++) {
                local.put(members[i], i);
            }
            for (int round = 0; round < 1_000; round++) {
                var cycleStart = new int[k + 1];
                var cycleFrom = new ArrayList<Integer>();
                var cycleWeight = new ArrayList<Double>();
                var b = new double[k];
                for (int i = 0; i < k; i++) {
                    var v = members[i];
                    var own = foreign[v] ? 1.0 : 0.0;
                    var chosen = choose(v, own, x, lower);
                    var sum = 0.0;
                    var rhs = 0.0;
                    for (int j = 0; j < chosen.length; j++) {
                        sum += chosen[j];
                        var u = from[start[v] + j];
                        var inside = local.get(u);
                        if (inside == null) {
                            rhs += chosen[j] * x[u];
                        } else {
                            cycleFrom.add(inside);
                            cycleWeight.add(chosen[j]);
                        }
                    }
                    b[i] = (1 - sum) * own + rhs;
                    cycleStart[i + 1] = cycleFrom.size();
                }
                double[] y;
                try {
                    y = GraphSolver.solve(
                            k,
                            cycleStart,
                            cycleFrom.stream().mapToInt(Integer::intValue).toArray(),
                            cycleWeight.stream()
                                    .mapToDouble(Double::doubleValue)
                                    .toArray(),
                            b);
                } catch (GraphSolver.SingularCycle e) {
                    // The choices close the cycle on itself; the values reached so far are the best available.
                    return;
                }
                var change = 0.0;
                for (int i = 0; i < k; i++) {
                    change = Math.max(change, Math.abs(y[i] - x[members[i]]));
                    x[members[i]] = y[i];
                }
                if (change < 1e-15) {
                    return;
                }
            }
        }

        private double value(int v, double own, double[] chosen, double[] x) {
            var sum = 0.0;
            for (var c : chosen) {
                sum += c;
            }
            var value = (1 - sum) * own;
            for (int i = 0; i < chosen.length; i++) {
                value += chosen[i] * x[from[start[v] + i]];
            }
            return value;
        }

        /** The band values of {@code v}'s holders that push its share down (or up) most, given its holders' shares. */
        private double[] choose(int v, double own, double[] x, boolean lower) {
            var list = holders.get(v);
            var chosen = new double[list.size()];
            var sum = 0.0;
            var exact = true;
            for (int i = 0; i < list.size(); i++) {
                chosen[i] = list.get(i).equity().low();
                sum += chosen[i];
                exact &= list.get(i).equity().exact();
            }
            var first = start[v];
            if (exact) {
                // Nothing to choose: most parties, as most shares are disclosed exactly.
                return chosen;
            }
            var order = new Integer[list.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            // Raising a holder's share moves v's share towards that holder's; take the holders that help most first.
            Arrays.sort(order, Comparator.comparingDouble(i -> (lower ? 1 : -1) * x[from[first + i]]));
            for (var i : order) {
                var gain = x[from[first + i]] - own;
                if (lower ? gain >= 0 : gain <= 0) {
                    continue;
                }
                var room = Math.min(list.get(i).equity().high() - chosen[i], 1 - sum);
                if (room > 0) {
                    chosen[i] += room;
                    sum += room;
                }
            }
            return chosen;
        }

        /** Each party's effective (look-through) equity in {@code target}. */
        double[] stakeIn(int target) {
            var b = new double[n];
            b[target] = 1;
            return GraphSolver.solve(n, heldStart, heldTo, heldWeight, b);
        }

        /**
         * The largest chains from ultimate owners down to {@code target}, largest first, found by a best-first search
         * upwards. Every chain's product is at most the largest product from where it has got to up to any ultimate
         * owner ({@link #reach}), so partial chains are expanded in order of that bound and the search stops once no
         * partial chain can round to a percentage among the {@value OwnershipAnalyser#MAX_PATHS} largest found. On a
         * 1,000-party structure with far more chains than could be listed it touches only those near the top.
         */
        List<OwnershipAnalysis.Chain> paths(int target, boolean[] foreign) {
            var reach = reach();
            var queue = new PriorityQueue<Step>(
                    Comparator.comparingDouble(Step::bound).reversed());
            var products = new PriorityQueue<Double>();
            var found = new ArrayList<OwnershipAnalysis.Chain>();
            queue.add(new Step(target, 1.0, 1.0, reach[target], null));
            for (int budget = PATH_BUDGET; budget > 0 && !queue.isEmpty(); budget--) {
                var step = queue.poll();
                if (step.bound() < MIN_PATH
                        || products.size() == MAX_PATHS && percent(step.bound()) < percent(products.peek())) {
                    break;
                }
                var list = holders.get(step.party());
                if (list.isEmpty()) {
                    if (step.previous() != null) {
                        found.add(chain(step, foreign));
                        products.add(step.product());
                        if (products.size() > MAX_PATHS) {
                            products.poll();
                        }
                    }
                    continue;
                }
                for (int i = 0; i < list.size(); i++) {
                    var owner = from[start[step.party()] + i];
                    var share = weight[start[step.party()] + i];
                    var product = step.product() * share;
                    if (product * reach[owner] >= MIN_PATH && !step.visits(owner)) {
                        queue.add(new Step(owner, share, product, product * reach[owner], step));
                    }
                }
            }
            found.sort(Comparator.comparingDouble(OwnershipAnalysis.Chain::percent)
                    .reversed()
                    .thenComparing(c -> String.join("/", c.parties())));
            return List.copyOf(found.subList(0, Math.min(MAX_PATHS, found.size())));
        }

        /**
         * For each party, the largest product of shares along any chain from it up to an ultimate owner (1 for an
         * ultimate owner, 0 if it has none). Shares are at most 1, so going round a cycle never helps, and the longest
         * chains are found as shortest paths are, by Dijkstra's algorithm downwards from the ultimate owners.
         */
        private double[] reach() {
            var reach = new double[n];
            var queue = new PriorityQueue<double[]>(
                    Comparator.comparingDouble((double[] a) -> a[0]).reversed());
            for (int v = 0; v < n; v++) {
                if (holders.get(v).isEmpty()) {
                    reach[v] = 1;
                    queue.add(new double[] {1, v});
                }
            }
            var done = new boolean[n];
            while (!queue.isEmpty()) {
                var top = queue.poll();
                var u = (int) top[1];
                if (done[u]) {
                    continue;
                }
                done[u] = true;
                for (int e = heldStart[u]; e < heldStart[u + 1]; e++) {
                    var v = heldTo[e];
                    var value = reach[u] * heldWeight[e];
                    if (value > reach[v]) {
                        reach[v] = value;
                        queue.add(new double[] {value, v});
                    }
                }
            }
            return reach;
        }

        /**
         * A partial chain upwards from the target, ending at {@code party}, which holds {@code share} of the party
         * before it; {@code bound} caps the product of any completion.
         */
        private record Step(
                int party,
                double share,
                double product,
                double bound,
                @Nullable Step previous) {

            boolean visits(int candidate) {
                for (var step = this; step != null; step = step.previous()) {
                    if (step.party() == candidate) {
                        return true;
                    }
                }
                return false;
            }
        }

        private OwnershipAnalysis.Chain chain(Step last, boolean[] foreign) {
            var nodes = new ArrayList<Integer>();
            var fractions = new ArrayList<Double>();
            for (var step = last; step != null; step = step.previous()) {
                nodes.add(step.party());
                fractions.add(step.share());
            }
            var product = last.product();
            var ids = new ArrayList<String>();
            var text = new StringBuilder();
            for (int i = 0; i < nodes.size(); i++) {
                var party = parties.get(nodes.get(i));
                ids.add(party.id());
                if (i > 0) {
                    text.append(" → ").append(percentText(fractions.get(i - 1))).append("% ");
                }
                text.append(party.name())
                        .append(" (")
                        .append(party.jurisdiction())
                        .append(')');
            }
            text.append(" = ").append(percentText(product)).append('%');
            return new OwnershipAnalysis.Chain(ids, percent(product), foreign[nodes.getFirst()], text.toString());
        }

        /** The ultimate controllers of {@code target}: up majority-vote chains and declared control facts. */
        List<OwnershipAnalysis.Controller> controllers(int target, boolean[] foreign) {
            var controlledBy = new ArrayList<List<Edge>>();
            for (int i = 0; i < n; i++) {
                controlledBy.add(new ArrayList<>());
            }
            for (int v = 0; v < n; v++) {
                for (var h : holders.get(v)) {
                    if (h.votes().low() > 0.5) {
                        var votes = percentText(h.votes().low())
                                + (h.votes().exact()
                                        ? ""
                                        : "–" + percentText(h.votes().high()));
                        controlledBy
                                .get(v)
                                .add(new Edge(
                                        index.get(h.owner()),
                                        new Bilingual(
                                                "{controller}持有{controlled}" + votes + "%的表决权",
                                                "{controller} holds " + votes + "% of the votes of {controlled}")));
                    }
                }
            }
            for (var c : control) {
                controlledBy.get(index.get(c.controlled())).add(new Edge(index.get(c.controller()), reason(c.kind())));
            }
            var result = new ArrayList<OwnershipAnalysis.Controller>();
            var seen = new LinkedHashSet<String>();
            climb(target, new ArrayList<>(List.of(target)), new ArrayList<>(), controlledBy, foreign, result, seen);
            return result;
        }

        private void climb(
                int v,
                List<Integer> chain,
                List<Bilingual> reasons,
                List<List<Edge>> controlledBy,
                boolean[] foreign,
                List<OwnershipAnalysis.Controller> result,
                Set<String> seen) {
            var edges = controlledBy.get(v);
            if (edges.isEmpty() || (chain.size() > 1 && edges.stream().allMatch(e -> chain.contains(e.controller())))) {
                if (chain.size() > 1 && seen.add(parties.get(v).id() + chain)) {
                    result.add(controller(chain, reasons, foreign));
                }
                return;
            }
            for (var edge : edges) {
                if (chain.contains(edge.controller())) {
                    continue;
                }
                chain.add(edge.controller());
                reasons.add(edge.reason());
                climb(edge.controller(), chain, reasons, controlledBy, foreign, result, seen);
                reasons.removeLast();
                chain.removeLast();
            }
        }

        private OwnershipAnalysis.Controller controller(
                List<Integer> chain, List<Bilingual> reasons, boolean[] foreign) {
            var top = chain.getLast();
            var zh = new StringBuilder();
            var en = new StringBuilder();
            for (int i = chain.size() - 1; i > 0; i--) {
                var controller = parties.get(chain.get(i));
                var controlled = parties.get(chain.get(i - 1));
                var reason = reasons.get(i - 1);
                if (!zh.isEmpty()) {
                    zh.append("；");
                    en.append("; ");
                }
                var text = reason.with("controller", controller.name()).with("controlled", controlled.name());
                zh.append(text.zh());
                en.append(text.en());
            }
            var ids = chain.reversed().stream().map(i -> parties.get(i).id()).toList();
            return new OwnershipAnalysis.Controller(
                    parties.get(top).id(), foreign[top], ids, new Bilingual(zh.toString(), en.toString()));
        }

        private static Bilingual reason(ControlKind kind) {
            return switch (kind) {
                case CONTRACTUAL ->
                    new Bilingual(
                            "{controller}通过协议（VIE）控制{controlled}",
                            "{controller} controls {controlled} by contract (VIE)");
                case BOARD_MAJORITY ->
                    new Bilingual(
                            "{controller}有权任命{controlled}董事会多数成员",
                            "{controller} may appoint a majority of the board of {controlled}");
                case GOLDEN_SHARE ->
                    new Bilingual(
                            "{controller}持有{controlled}具有决定性权利的黄金股",
                            "{controller} holds a golden share with decisive rights in {controlled}");
            };
        }

        private record Edge(int controller, Bilingual reason) {}
    }
}
