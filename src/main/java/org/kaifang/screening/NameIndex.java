package org.kaifang.screening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Blocking for the matcher, so that a query scores a few dozen names, not the whole list. Every name and alias of
 * every entry is indexed under keys of three kinds:
 *
 * <ul>
 *   <li>character trigrams of its Latin words run together ("^lo", "loc", …), which survive typos, word order and
 *       missing spaces;
 *   <li>character bigrams of its Chinese core ("洛克", "克希", …);
 *   <li>trigrams of its romanisation keys, for Chinese names and persons, so that "Wang Ting-yu" finds 王定宇.
 * </ul>
 *
 * A query collects candidates from the postings of its own keys, weighted by rarity (inverse document frequency), and
 * keeps the best {@link #CANDIDATES}. Memory is bounded by the postings: an {@code int} per key occurrence, about
 * twenty per name, and the raw names; names are normalised again when scored rather than kept normalised. Keys shared
 * by more than a twentieth of a large list are skipped at query time, as they cannot tell names apart.
 */
final class NameIndex {

    static final int CANDIDATES = 64;

    private final List<ListEntry> entries;
    private final String[] names;
    private final int[] entryOfName;
    private final Map<String, int[]> postings;

    private NameIndex(List<ListEntry> entries, String[] names, int[] entryOfName, Map<String, int[]> postings) {
        this.entries = entries;
        this.names = names;
        this.entryOfName = entryOfName;
        this.postings = postings;
    }

    static NameIndex of(List<ListEntry> entries) {
        var names = new ArrayList<String>();
        var owners = new ArrayList<Integer>();
        var building = new HashMap<String, IntList>();
        for (var e = 0; e < entries.size(); e++) {
            var entry = entries.get(e);
            var person = entry.kind() == EntryKind.PERSON;
            for (var name : entry.names()) {
                var id = names.size();
                names.add(name.text());
                owners.add(e);
                for (var key : keys(NameNormaliser.normalise(name.text()), person)) {
                    building.computeIfAbsent(key, k -> new IntList()).add(id);
                }
            }
        }
        var postings = new HashMap<String, int[]>(building.size() * 2);
        building.forEach((key, ids) -> postings.put(key, ids.toArray()));
        var entryOfName = owners.stream().mapToInt(Integer::intValue).toArray();
        return new NameIndex(List.copyOf(entries), names.toArray(String[]::new), entryOfName, postings);
    }

    int size() {
        return names.length;
    }

    List<ListEntry> entries() {
        return entries;
    }

    /** The entries worth scoring for {@code query}, most promising first. */
    List<ListEntry> candidates(NormalisedName query) {
        var weights = new HashMap<Integer, Double>();
        var cap = Math.max(1000, names.length / 20);
        for (var key : keys(query, true)) {
            var ids = postings.get(key);
            if (ids == null || ids.length > cap) {
                continue;
            }
            var idf = Math.log(1.0 + (double) names.length / ids.length);
            var previous = -1;
            for (var id : ids) {
                if (id != previous) {
                    weights.merge(id, idf, Double::sum);
                }
                previous = id;
            }
        }
        var ranked = weights.entrySet().stream()
                .sorted(Map.Entry.<Integer, Double>comparingByValue().reversed())
                .toList();
        var chosen = new LinkedHashSet<ListEntry>();
        for (var entry : ranked) {
            chosen.add(entries.get(entryOfName[entry.getKey()]));
            if (chosen.size() == CANDIDATES) {
                break;
            }
        }
        return List.copyOf(chosen);
    }

    static Set<String> keys(NormalisedName name, boolean romanise) {
        var keys = new LinkedHashSet<String>();
        var compact = name.compact();
        if (!compact.isEmpty()) {
            grams("^" + compact + "$", 3, "", keys);
        }
        if (name.hasHan()) {
            grams("^" + name.han() + "$", 2, "", keys);
            grams("^" + Romanisation.skeleton(String.join("", name.pinyin())) + "$", 3, "r", keys);
        }
        if (romanise && !compact.isEmpty()) {
            grams("^" + Romanisation.skeleton(compact) + "$", 3, "r", keys);
        }
        return keys;
    }

    private static void grams(String text, int n, String prefix, Set<String> into) {
        var points = text.codePoints().toArray();
        if (points.length <= n) {
            into.add(prefix + text);
            return;
        }
        for (var i = 0; i + n <= points.length; i++) {
            into.add(prefix + new String(points, i, n));
        }
    }

    /** A growable int array: postings of a million names must not be boxed. */
    private static final class IntList {
        private int[] values = new int[4];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
