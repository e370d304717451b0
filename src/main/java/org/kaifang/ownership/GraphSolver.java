package org.kaifang.ownership;

import java.util.Arrays;

/**
 * Solves {@code x(v) = b(v) + Σ w(u,v)·x(u)} over a weighted directed graph exactly: strongly connected components
 * (found with an iterative Tarjan) are solved in dependency order, each cycle by Gaussian elimination, or, for very
 * large cycles, by Gauss–Seidel iteration. This is {@code x = b·(I − W)⁻¹} without ever forming the matrix.
 *
 * <p>The graph is given as incoming adjacency in compressed rows: the edges into {@code v} are
 * {@code from[start[v] .. start[v+1])} with weights {@code weight[...]}.
 */
final class GraphSolver {

    /** Above this size a cycle is solved iteratively instead of by dense elimination. */
    static final int DENSE_LIMIT = 400;

    private static final double PIVOT_EPSILON = 1e-12;
    private static final double CONVERGENCE = 1e-13;
    private static final int MAX_SWEEPS = 100_000;

    private GraphSolver() {}

    /** Thrown when a cycle has no unique solution, e.g. a company owning all of itself through a loop. */
    static final class SingularCycle extends RuntimeException {
        final int[] members;

        SingularCycle(int[] members) {
            super("singular cycle of " + members.length + " nodes");
            this.members = members;
        }
    }

    static double[] solve(int n, int[] start, int[] from, double[] weight, double[] b) {
        var x = new double[n];
        var components = new Components(n, start, from);
        var inComponent = new int[n];
        Arrays.fill(inComponent, -1);
        for (int c = 0; c < components.count; c++) {
            var members = components.members(c);
            if (members.length == 1 && !selfLoop(members[0], start, from)) {
                var v = members[0];
                var sum = b[v];
                for (int e = start[v]; e < start[v + 1]; e++) {
                    sum += weight[e] * x[from[e]];
                }
                x[v] = sum;
                continue;
            }
            for (int i = 0; i < members.length; i++) {
                inComponent[members[i]] = i;
            }
            if (members.length <= DENSE_LIMIT) {
                solveDense(members, inComponent, start, from, weight, b, x);
            } else {
                solveIteratively(members, inComponent, start, from, weight, b, x);
            }
            for (var m : members) {
                inComponent[m] = -1;
            }
        }
        return x;
    }

    private static boolean selfLoop(int v, int[] start, int[] from) {
        for (int e = start[v]; e < start[v + 1]; e++) {
            if (from[e] == v) {
                return true;
            }
        }
        return false;
    }

    private static void solveDense(
            int[] members, int[] index, int[] start, int[] from, double[] weight, double[] b, double[] x) {
        var k = members.length;
        var a = new double[k][k + 1];
        for (int i = 0; i < k; i++) {
            var v = members[i];
            a[i][i] = 1;
            var rhs = b[v];
            for (int e = start[v]; e < start[v + 1]; e++) {
                var u = from[e];
                if (index[u] >= 0) {
                    a[i][index[u]] -= weight[e];
                } else {
                    rhs += weight[e] * x[u];
                }
            }
            a[i][k] = rhs;
        }
        for (int col = 0; col < k; col++) {
            var pivot = col;
            for (int row = col + 1; row < k; row++) {
                if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
                    pivot = row;
                }
            }
            if (Math.abs(a[pivot][col]) < PIVOT_EPSILON) {
                throw new SingularCycle(members.clone());
            }
            var swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            for (int row = 0; row < k; row++) {
                if (row != col && a[row][col] != 0) {
                    var factor = a[row][col] / a[col][col];
                    for (int j = col; j <= k; j++) {
                        a[row][j] -= factor * a[col][j];
                    }
                }
            }
        }
        for (int i = 0; i < k; i++) {
            x[members[i]] = a[i][k] / a[i][i];
        }
    }

    private static void solveIteratively(
            int[] members, int[] index, int[] start, int[] from, double[] weight, double[] b, double[] x) {
        var outside = new double[members.length];
        for (int i = 0; i < members.length; i++) {
            var v = members[i];
            var rhs = b[v];
            for (int e = start[v]; e < start[v + 1]; e++) {
                if (index[from[e]] < 0) {
                    rhs += weight[e] * x[from[e]];
                }
            }
            outside[i] = rhs;
            x[v] = rhs;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            var change = 0.0;
            for (int i = 0; i < members.length; i++) {
                var v = members[i];
                var sum = outside[i];
                for (int e = start[v]; e < start[v + 1]; e++) {
                    if (index[from[e]] >= 0) {
                        sum += weight[e] * x[from[e]];
                    }
                }
                change = Math.max(change, Math.abs(sum - x[v]));
                x[v] = sum;
            }
            if (change < CONVERGENCE) {
                return;
            }
            if (!Double.isFinite(change) || change > 1e6) {
                break;
            }
        }
        throw new SingularCycle(members.clone());
    }

    /** Strongly connected components in dependency order: every component after those it depends on. */
    static final class Components {
        final int count;
        private final int[] order;
        private final int[] offsets;

        Components(int n, int[] start, int[] from) {
            var index = new int[n];
            var low = new int[n];
            Arrays.fill(index, -1);
            var onStack = new boolean[n];
            var stack = new int[n];
            var stackSize = 0;
            var callNode = new int[n];
            var callEdge = new int[n];
            var order = new int[n];
            var offsets = new int[n + 1];
            var emitted = 0;
            var components = 0;
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
                onStack[root] = true;
                while (depth >= 0) {
                    var v = callNode[depth];
                    if (callEdge[depth] < start[v + 1]) {
                        var w = from[callEdge[depth]++];
                        if (index[w] < 0) {
                            index[w] = low[w] = counter++;
                            stack[stackSize++] = w;
                            onStack[w] = true;
                            depth++;
                            callNode[depth] = w;
                            callEdge[depth] = start[w];
                        } else if (onStack[w]) {
                            low[v] = Math.min(low[v], index[w]);
                        }
                        continue;
                    }
                    if (low[v] == index[v]) {
                        offsets[components++] = emitted;
                        int w;
                        do {
                            w = stack[--stackSize];
                            onStack[w] = false;
                            order[emitted++] = w;
                        } while (w != v);
                    }
                    depth--;
                    if (depth >= 0) {
                        var parent = callNode[depth];
                        low[parent] = Math.min(low[parent], low[v]);
                    }
                }
            }
            offsets[components] = emitted;
            this.count = components;
            this.order = order;
            this.offsets = offsets;
        }

        int[] members(int component) {
            return Arrays.copyOfRange(order, offsets[component], offsets[component + 1]);
        }

        int size(int component) {
            return offsets[component + 1] - offsets[component];
        }
    }
}
