package org.kaifang.ownership;

import java.util.Arrays;

/**
 * Every party's effective (look-through) foreign share in a graph too large for {@link OwnershipStructure}: millions
 * of parties and holdings given as primitive arrays, as a registry-wide screening would need.
 *
 * <p>The share is the one {@link OwnershipAnalyser} computes for its applicant (47 CFR §1.5002: multiply along each
 * chain, sum over chains), here for every party at once:
 *
 * <pre>
 *   f(x) = r(x) + Σ share(h→x) · f(h)      over the direct holders h of x
 *   r(x) = 1 − Σ share(h→x) if x is foreign, else 0
 * </pre>
 *
 * <p>So a party nobody holds is 100% foreign or 0% by its own jurisdiction, equity of a company that its holders do not
 * account for counts by the company's own jurisdiction, and a foreign company held by domestic parties counts through
 * to them. Cycles are solved as a linear system, one strongly connected component at a time in dependency order
 * (Tarjan's algorithm, iterative so that chains a million deep cannot overflow the stack): by Gaussian elimination
 * with partial pivoting up to {@value #DENSE_LIMIT} parties, by Gauss–Seidel iteration to 1e-13 above. Time and memory
 * are linear in parties plus holdings, apart from the cycles.
 *
 * <p>A pure function: safe to call from many threads.
 */
public final class ForeignShares {

    /** Above this size a cycle is solved iteratively: dense elimination is cubic in its size. */
    static final int DENSE_LIMIT = 400;

    /** Holders of one company may sum to 100% plus this, for shares that were rounded when disclosed. */
    private static final double TOLERANCE = 1e-9;

    private static final double PIVOT_EPSILON = 1e-12;
    private static final double CONVERGENCE = 1e-13;
    private static final int MAX_SWEEPS = 1_000_000;

    private ForeignShares() {}

    /** A cycle of holdings with no unique solution: together its members own all of themselves. */
    public static final class UnsolvableCycle extends IllegalArgumentException {

        private final int[] parties;

        UnsolvableCycle(int[] parties) {
            super(describe(parties));
            this.parties = parties;
        }

        /** The members of the cycle, ascending. */
        public int[] parties() {
            return parties.clone();
        }

        private static String describe(int[] parties) {
            var shown =
                    Arrays.stream(parties).limit(10).mapToObj(String::valueOf).toList();
            return "the cycle through parties " + String.join(", ", shown) + (parties.length > 10 ? " …" : "") + " ("
                    + parties.length + " in all) has no solution: together they would own all of themselves";
        }
    }

    /**
     * Computes every party's effective foreign share.
     *
     * @param parties the number of parties, numbered {@code 0 .. parties-1}
     * @param owner for each holding, the party that holds
     * @param owned for each holding, the party held
     * @param share for each holding, the equity share as a fraction of 1; two holdings by the same owner add up
     * @param foreign for each party, whether its jurisdiction is foreign
     * @return for each party, its look-through foreign share as a fraction of 1
     * @throws IllegalArgumentException naming the holding or party when the graph is not a valid structure: an unknown
     *     party, a share outside 0–1, a party holding itself directly, or holders summing to more than 100%
     * @throws UnsolvableCycle when a cycle owns all of itself
     */
    public static double[] of(int parties, int[] owner, int[] owned, double[] share, boolean[] foreign) {
        var m = owner.length;
        if (owned.length != m || share.length != m) {
            throw new IllegalArgumentException("owner, owned and share must have one entry per holding: " + m + ", "
                    + owned.length + ", " + share.length);
        }
        if (foreign.length != parties) {
            throw new IllegalArgumentException(
                    "foreign must have one entry per party: " + parties + ", " + foreign.length);
        }
        // Incoming adjacency in compressed rows: the holders of v are from[start[v] .. start[v+1]).
        var start = new int[parties + 1];
        for (int e = 0; e < m; e++) {
            check(e, owner[e], owned[e], share[e], parties);
            start[owned[e] + 1]++;
        }
        for (int v = 0; v < parties; v++) {
            start[v + 1] += start[v];
        }
        var from = new int[m];
        var weight = new double[m];
        var next = Arrays.copyOf(start, parties);
        for (int e = 0; e < m; e++) {
            var slot = next[owned[e]]++;
            from[slot] = owner[e];
            weight[slot] = share[e];
        }
        var rest = new double[parties];
        for (int v = 0; v < parties; v++) {
            var held = 0.0;
            for (int e = start[v]; e < start[v + 1]; e++) {
                held += weight[e];
            }
            if (held > 1 + TOLERANCE) {
                throw new IllegalArgumentException(
                        "the holdings in party " + v + " sum to " + held * 100 + "%, more than 100%");
            }
            rest[v] = foreign[v] ? Math.max(0, 1 - held) : 0;
        }
        return new Solver(parties, start, from, weight, rest).solve();
    }

    private static void check(int e, int owner, int owned, double share, int parties) {
        if (owner < 0 || owner >= parties) {
            throw new IllegalArgumentException(
                    "holding " + e + ": owner " + owner + " is not a party 0–" + (parties - 1));
        }
        if (owned < 0 || owned >= parties) {
            throw new IllegalArgumentException(
                    "holding " + e + ": owned " + owned + " is not a party 0–" + (parties - 1));
        }
        if (owner == owned) {
            throw new IllegalArgumentException("holding " + e + ": party " + owner + " cannot hold itself directly");
        }
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("holding " + e + ": share " + share + " is not from 0 to 1");
        }
    }

    /**
     * Tarjan's algorithm over the holder edges with an explicit call stack. A component is complete when its root
     * returns, and by then every component it depends on has been completed and solved, so it is solved at once: one
     * pass, no list of components kept.
     */
    private static final class Solver {
        private final int n;
        private final int[] start;
        private final int[] from;
        private final double[] weight;
        private final double[] rest;
        private final double[] x;
        private final int[] index;
        /** Tarjan's low-link; reused for a member's position within its component once the component is complete. */
        private final int[] low;

        private final boolean[] solved;
        private final int[] stack;

        Solver(int n, int[] start, int[] from, double[] weight, double[] rest) {
            this.n = n;
            this.start = start;
            this.from = from;
            this.weight = weight;
            this.rest = rest;
            this.x = new double[n];
            this.index = new int[n];
            this.low = new int[n];
            this.solved = new boolean[n];
            this.stack = new int[n];
        }

        double[] solve() {
            Arrays.fill(index, -1);
            var callNode = new int[n];
            var callEdge = new int[n];
            var stackSize = 0;
            var counter = 0;
            for (int root = 0; root < n; root++) {
                if (index[root] >= 0) {
                    continue;
                }
                var depth = 0;
                callNode[0] = root;
                callEdge[0] = start[root];
                index[root] = low[root] = counter++;
                stack[stackSize++] = root;
                while (depth >= 0) {
                    var v = callNode[depth];
                    if (callEdge[depth] < start[v + 1]) {
                        var w = from[callEdge[depth]++];
                        if (index[w] < 0) {
                            index[w] = low[w] = counter++;
                            stack[stackSize++] = w;
                            depth++;
                            callNode[depth] = w;
                            callEdge[depth] = start[w];
                        } else if (!solved[w]) {
                            // Unsolved and already visited means on the stack: part of the current component.
                            low[v] = Math.min(low[v], index[w]);
                        }
                        continue;
                    }
                    if (low[v] == index[v]) {
                        var first = stackSize - 1;
                        while (stack[first] != v) {
                            first--;
                        }
                        component(first, stackSize);
                        stackSize = first;
                    }
                    depth--;
                    // A solved root's low-link now holds its position in its component, and could not lower the
                    // parent's.
                    if (depth >= 0 && !solved[v]) {
                        var parent = callNode[depth];
                        low[parent] = Math.min(low[parent], low[v]);
                    }
                }
            }
            return x;
        }

        /** Solves the component {@code stack[first .. end)}; its holders outside it are solved already. */
        private void component(int first, int end) {
            var size = end - first;
            if (size == 1) {
                // No self-holdings, so a single party is no cycle.
                var v = stack[first];
                var sum = rest[v];
                for (int e = start[v]; e < start[v + 1]; e++) {
                    sum += weight[e] * x[from[e]];
                }
                x[v] = sum;
                solved[v] = true;
                return;
            }
            for (int i = first; i < end; i++) {
                low[stack[i]] = i - first;
            }
            singular(first, end);
            if (size <= DENSE_LIMIT) {
                dense(first, end);
            } else {
                iterate(first, end);
            }
            for (int i = first; i < end; i++) {
                solved[stack[i]] = true;
            }
        }

        /**
         * Each member's holders sum to at most 100%, so the cycle's matrix has spectral radius at most 1, and exactly
         * 1 (no unique solution) just when every member is wholly held from inside the cycle (Perron–Frobenius, the
         * component being irreducible). Checked up front so that the iterative solver never spins on such a cycle.
         */
        private void singular(int first, int end) {
            for (int i = first; i < end; i++) {
                var v = stack[i];
                var inside = 0.0;
                for (int e = start[v]; e < start[v + 1]; e++) {
                    if (!solved[from[e]]) {
                        inside += weight[e];
                    }
                }
                if (inside < 1 - TOLERANCE) {
                    return;
                }
            }
            throw unsolvable(first, end);
        }

        private UnsolvableCycle unsolvable(int first, int end) {
            var members = Arrays.copyOfRange(stack, first, end);
            Arrays.sort(members);
            return new UnsolvableCycle(members);
        }

        /** Gaussian elimination with partial pivoting on {@code (I − W) x = rest + outside}, row-major, flattened. */
        private void dense(int first, int end) {
            var k = end - first;
            var width = k + 1;
            var a = new double[k * width];
            for (int i = 0; i < k; i++) {
                var v = stack[first + i];
                var row = i * width;
                a[row + i] = 1;
                var rhs = rest[v];
                for (int e = start[v]; e < start[v + 1]; e++) {
                    var u = from[e];
                    if (solved[u]) {
                        rhs += weight[e] * x[u];
                    } else {
                        a[row + low[u]] -= weight[e];
                    }
                }
                a[row + k] = rhs;
            }
            for (int col = 0; col < k; col++) {
                var pivot = col;
                for (int r = col + 1; r < k; r++) {
                    if (Math.abs(a[r * width + col]) > Math.abs(a[pivot * width + col])) {
                        pivot = r;
                    }
                }
                if (Math.abs(a[pivot * width + col]) < PIVOT_EPSILON) {
                    throw unsolvable(first, end);
                }
                if (pivot != col) {
                    for (int j = col; j < width; j++) {
                        var swap = a[col * width + j];
                        a[col * width + j] = a[pivot * width + j];
                        a[pivot * width + j] = swap;
                    }
                }
                var diagonal = a[col * width + col];
                for (int r = col + 1; r < k; r++) {
                    var factor = a[r * width + col] / diagonal;
                    if (factor != 0) {
                        for (int j = col; j < width; j++) {
                            a[r * width + j] -= factor * a[col * width + j];
                        }
                    }
                }
            }
            for (int i = k - 1; i >= 0; i--) {
                var sum = a[i * width + k];
                for (int j = i + 1; j < k; j++) {
                    sum -= a[i * width + j] * x[stack[first + j]];
                }
                x[stack[first + i]] = sum / a[i * width + i];
            }
        }

        /** Gauss–Seidel sweeps; they converge because the cycle's spectral radius is below 1 (see {@link #singular}). */
        private void iterate(int first, int end) {
            var k = end - first;
            var outside = new double[k];
            for (int i = 0; i < k; i++) {
                var v = stack[first + i];
                var sum = rest[v];
                for (int e = start[v]; e < start[v + 1]; e++) {
                    if (solved[from[e]]) {
                        sum += weight[e] * x[from[e]];
                    }
                }
                outside[i] = sum;
                x[v] = sum;
            }
            for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
                var change = 0.0;
                for (int i = 0; i < k; i++) {
                    var v = stack[first + i];
                    var sum = outside[i];
                    for (int e = start[v]; e < start[v + 1]; e++) {
                        if (!solved[from[e]]) {
                            sum += weight[e] * x[from[e]];
                        }
                    }
                    change = Math.max(change, Math.abs(sum - x[v]));
                    x[v] = sum;
                }
                if (change < CONVERGENCE) {
                    return;
                }
            }
            throw unsolvable(first, end);
        }
    }
}
