package org.kaifang.screening.bench;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.kaifang.screening.ListEntry;
import org.kaifang.screening.RestrictedPartyList;

/**
 * The peer of issue 9's screening comparison: a brute-force matcher that scores the query against every name of every
 * list entry with Jaro–Winkler similarity (commons-text) and reports the entries whose best name reaches a threshold.
 * It is what a screening tool without an index does. Names are compared after a plain normalisation (Unicode NFKC,
 * lower case, every run of characters other than letters and digits turned into one space), so case and punctuation
 * do not count against it; it knows nothing of legal forms, scripts or romanisation, as a generic string matcher does
 * not.
 */
public final class BruteForceMatcher {

    /** A list entry whose best-scoring name reached the threshold. */
    public record Match(ListEntry entry, String name, double score) {}

    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private final ListEntry[] entries;
    private final String[] names;
    private final String[] normalised;
    private final int[] entryOf;

    /** Every name of every entry of {@code lists}, normalised once. */
    public BruteForceMatcher(List<RestrictedPartyList> lists) {
        var entryList = new ArrayList<ListEntry>();
        var nameList = new ArrayList<String>();
        var owners = new ArrayList<Integer>();
        for (var list : lists) {
            for (var entry : list.entries()) {
                entryList.add(entry);
                for (var name : entry.names()) {
                    nameList.add(name.text());
                    owners.add(entryList.size() - 1);
                }
            }
        }
        entries = entryList.toArray(ListEntry[]::new);
        names = nameList.toArray(String[]::new);
        normalised = nameList.stream().map(BruteForceMatcher::plain).toArray(String[]::new);
        entryOf = owners.stream().mapToInt(Integer::intValue).toArray();
    }

    /** NFKC, lower case, and one space for each run of characters that are neither letters nor digits. */
    public static String plain(String name) {
        var folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return NOT_LETTER_OR_DIGIT.matcher(folded).replaceAll(" ").strip();
    }

    /** Jaro–Winkler similarity of two names after {@link #plain} normalisation, 0 to 1. */
    public static double score(String a, String b) {
        return JARO_WINKLER.apply(plain(a), plain(b));
    }

    /** How many names the matcher scans per query. */
    public int names() {
        return names.length;
    }

    /** The entries whose best name scores at least {@code threshold} against {@code query}, best first. */
    public List<Match> screen(String query, double threshold) {
        var q = plain(query);
        var best = new java.util.HashMap<Integer, Match>();
        for (var i = 0; i < normalised.length; i++) {
            var score = JARO_WINKLER.apply(q, normalised[i]);
            if (score >= threshold) {
                var owner = entryOf[i];
                var known = best.get(owner);
                if (known == null || known.score() < score) {
                    best.put(owner, new Match(entries[owner], names[i], score));
                }
            }
        }
        var matches = new ArrayList<>(best.values());
        matches.sort(Comparator.comparingDouble(Match::score).reversed());
        return matches;
    }
}
