package org.kaifang.screening;

import java.util.List;

/** Edit distances for names: Levenshtein on strings and on syllable lists, and the ratio derived from it. */
final class Similarity {

    private Similarity() {}

    static int levenshtein(CharSequence a, CharSequence b) {
        var previous = new int[b.length() + 1];
        var current = new int[b.length() + 1];
        for (var j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (var i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (var j = 1; j <= b.length(); j++) {
                var cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    static int levenshtein(List<String> a, List<String> b) {
        var previous = new int[b.size() + 1];
        var current = new int[b.size() + 1];
        for (var j = 0; j <= b.size(); j++) {
            previous[j] = j;
        }
        for (var i = 1; i <= a.size(); i++) {
            current[0] = i;
            for (var j = 1; j <= b.size(); j++) {
                var cost = a.get(i - 1).equals(b.get(j - 1)) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            var swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.size()];
    }

    /** Optimal string alignment distance: Levenshtein with a swap of two neighbouring letters as one edit. */
    static int transpositions(CharSequence a, CharSequence b) {
        var d = new int[a.length() + 1][b.length() + 1];
        for (var i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (var j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (var i = 1; i <= a.length(); i++) {
            for (var j = 1; j <= b.length(); j++) {
                var cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * {@link #transpositions(CharSequence, CharSequence)} when it is at most {@code max}, otherwise some number above
     * {@code max}: what a typo check needs, in three rows instead of a whole table, stopping as soon as two rows in a
     * row exceed {@code max} (no later row can then come back under it).
     */
    // Rows reused by each thread: the check runs for most pairs of words of every candidate.
    private static final ThreadLocal<int[][]> ROWS = ThreadLocal.withInitial(() -> new int[3][32]);

    static int transpositions(CharSequence a, CharSequence b, int max) {
        var n = a.length();
        var m = b.length();
        if (Math.abs(n - m) > max) {
            return max + 1;
        }
        var rows = ROWS.get();
        if (rows[0].length <= m) {
            rows = new int[][] {new int[m + 1], new int[m + 1], new int[m + 1]};
            ROWS.set(rows);
        }
        var twoBack = rows[0];
        var previous = rows[1];
        var current = rows[2];
        for (var j = 0; j <= m; j++) {
            previous[j] = j;
        }
        var previousMin = 0;
        for (var i = 1; i <= n; i++) {
            current[0] = i;
            var rowMin = i;
            var ai = a.charAt(i - 1);
            for (var j = 1; j <= m; j++) {
                var bj = b.charAt(j - 1);
                var cost = ai == bj ? 0 : 1;
                var d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ai == b.charAt(j - 2) && a.charAt(i - 2) == bj) {
                    d = Math.min(d, twoBack[j - 2] + 1);
                }
                current[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > max && previousMin > max) {
                return max + 1;
            }
            var free = twoBack;
            twoBack = previous;
            previous = current;
            current = free;
            previousMin = rowMin;
        }
        return previous[m];
    }

    /** 1 − distance / longer length: 1 for equal texts, 0 for texts with nothing in common. */
    static double ratio(CharSequence a, CharSequence b) {
        var longer = Math.max(a.length(), b.length());
        return longer == 0 ? 1.0 : 1.0 - (double) levenshtein(a, b) / longer;
    }

    static double ratio(List<String> a, List<String> b) {
        var longer = Math.max(a.size(), b.size());
        return longer == 0 ? 1.0 : 1.0 - (double) levenshtein(a, b) / longer;
    }
}
