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
