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
 * keeps the best {@link #CANDIDATES}. Memory: the postings (an {@code int} per key occurrence, about twenty per name)
 * and every name kept normalised, so that a query normalises only itself. Keys shared by more than a hundredth of a
 * large list (and at least 1,000 names) are skipped at query time, as they cannot tell names apart. Scores are summed
 * in a per-thread array of floats, so a query allocates nothing per posting.
 */
final class NameIndex {

    static final int CANDIDATES = 64;

    /** A candidate's key weight must reach this share of the best candidate's. */
    static final float RELATIVE_FLOOR = 0.35f;

    /** And this share of the weight of all the query's keys found in the index. */
    static final float ABSOLUTE_FLOOR = 0.1f;

    private final List<ListEntry> entries;
    private final NormalisedName[] names;
    private final int[] entryOfName;
    private final int[] firstName;
    private final Map<String, int[]> postings;
    private final ThreadLocal<Scratch> scratch;

    private NameIndex(
            List<ListEntry> entries,
            NormalisedName[] names,
            int[] entryOfName,
            int[] firstName,
            Map<String, int[]> postings) {
        this.entries = entries;
        this.names = names;
        this.entryOfName = entryOfName;
        this.firstName = firstName;
        this.postings = postings;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(names.length));
    }

    /** Per-thread accumulators: a score per name, and which names were touched, to reset only those. */
    private static final class Scratch {
        final float[] score;
        final int[] touched;
        float[] selection = new float[0];
        int[] live = new int[0];

        Scratch(int names) {
            score = new float[names];
            touched = new int[names];
        }
    }

    static NameIndex of(List<ListEntry> entries) {
        var names = new ArrayList<NormalisedName>();
        var owners = new IntList();
        var firstName = new int[entries.size() + 1];
        var building = new HashMap<String, IntList>();
        for (var e = 0; e < entries.size(); e++) {
            var entry = entries.get(e);
            var person = entry.kind() == EntryKind.PERSON;
            firstName[e] = names.size();
            for (var name : entry.names()) {
                var id = names.size();
                var normalised = NameNormaliser.normalise(name.text());
                names.add(normalised);
                owners.add(e);
                for (var key : keys(normalised, person)) {
                    building.computeIfAbsent(key, k -> new IntList()).add(id);
                }
            }
        }
        firstName[entries.size()] = names.size();
        var postings = new HashMap<String, int[]>(building.size() * 2);
        building.forEach((key, ids) -> postings.put(key, ids.toArray()));
        return new NameIndex(
                List.copyOf(entries), names.toArray(NormalisedName[]::new), owners.toArray(), firstName, postings);
    }

    int size() {
        return names.length;
    }

    /** Every name of the entry at {@code position} in {@link #entries()}, normalised, in the entry's order. */
    List<NormalisedName> namesOf(int position) {
        return Arrays.asList(names).subList(firstName[position], firstName[position + 1]);
    }

    List<ListEntry> entries() {
        return entries;
    }

    /**
     * The positions in {@link #entries()} of the entries worth scoring for {@code query}, most promising first.
     *
     * <p>The query's keys are taken rarest first. Once the weight of the keys still to come cannot lift a name not yet
     * seen to the weakest of the best names so far, or to the floors, no new names are taken; from then on only the
     * names seen that can still be chosen are followed, by binary search in the postings when that is cheaper than
     * reading them whole. This is MaxScore pruning: it chooses exactly the entries a full pass would, without reading
     * the long postings of the common keys.
     */
    int[] candidates(NormalisedName query) {
        var scratch = this.scratch.get();
        var score = scratch.score;
        var touched = scratch.touched;
        var count = 0;
        var cap = Math.max(1000, names.length / 100);
        var total = 0f;
        var found = new ArrayList<int[]>();
        for (var key : keys(query, true)) {
            var ids = postings.get(key);
            if (ids != null && ids.length <= cap) {
                found.add(ids);
            }
        }
        found.sort((x, y) -> Integer.compare(x.length, y.length));
        var weights = new float[found.size()];
        var rest = new float[found.size() + 1];
        for (var k = found.size() - 1; k >= 0; k--) {
            weights[k] = (float) Math.log(1.0 + (double) names.length / found.get(k).length);
            rest[k] = rest[k + 1] + weights[k];
        }
        total = rest[0];
        var keep = Math.min(names.length, CANDIDATES * 4);
        var adding = true;
        var top = 0f;
        var weakestKept = 0f;
        var live = scratch.live;
        var alive = 0;
        // An upper bound on the weakest of the best names: the last one computed plus the weight added since, as no
        // name gains more than the keys it is found under. While the keys left still reach it, the exact value cannot
        // stop the adding, so it is not recomputed (a pass over every name seen).
        var weakestBound = Float.POSITIVE_INFINITY;
        for (var k = 0; k < found.size(); k++) {
            var ids = found.get(k);
            var idf = weights[k];
            // Slightly generous, as the sums are rounded in another order than the names' scores.
            var reach = rest[k] * 1.0001f;
            // A name can gain no more than the weight of the keys left. If that cannot lift it to the floors (the best
            // score so far only rises) or to the weakest of the best names so far, it cannot be chosen.
            var bar = Math.max(Math.max(ABSOLUTE_FLOOR * total, RELATIVE_FLOOR * top), weakestKept);
            if (adding) {
                if (count >= keep && reach >= bar && reach < weakestBound) {
                    weakestKept = kthBest(score, touched, count, keep, scratch);
                    weakestBound = weakestKept;
                    bar = Math.max(bar, weakestKept);
                }
                adding = reach >= bar;
                if (!adding) {
                    if (live.length < count) {
                        live = scratch.live = new int[Math.max(count, live.length * 2)];
                    }
                    System.arraycopy(touched, 0, live, 0, count);
                    alive = count;
                }
            }
            if (adding) {
                for (var id : ids) {
                    if (score[id] == 0) {
                        touched[count++] = id;
                    }
                    score[id] += idf;
                    top = Math.max(top, score[id]);
                }
                weakestBound += idf;
                continue;
            }
            if (ids.length <= alive) {
                // Reading the postings costs less than sorting out the names still alive; a name that can no longer be
                // chosen may gain here, but stays under the bar it already could not reach.
                for (var id : ids) {
                    if (score[id] != 0) {
                        score[id] += idf;
                        top = Math.max(top, score[id]);
                    }
                }
                continue;
            }
            // Only names that can still be chosen are followed; the others keep the score they have.
            var still = 0;
            for (var i = 0; i < alive; i++) {
                var id = live[i];
                if (score[id] + reach >= bar) {
                    live[still++] = id;
                }
            }
            alive = still;
            if ((long) alive * (32 - Integer.numberOfLeadingZeros(ids.length)) < ids.length) {
                for (var i = 0; i < alive; i++) {
                    var id = live[i];
                    if (Arrays.binarySearch(ids, id) >= 0) {
                        score[id] += idf;
                        top = Math.max(top, score[id]);
                    }
                }
            } else {
                for (var id : ids) {
                    if (score[id] != 0) {
                        score[id] += idf;
                        top = Math.max(top, score[id]);
                    }
                }
            }
        }
        // Names sharing little of what the query's keys weigh cannot score near a match: scoring them only costs. The
        // best score is the highest in the array, as scores only rise, so names under the floor are passed over
        // before ranking: they would rank below every name above it, and are dropped after the ranking anyway.
        var floor = count == 0 ? 0 : Math.max(RELATIVE_FLOOR * top, ABSOLUTE_FLOOR * total);
        // The best names by score (ties by position), then their entries, each once.
        var best = new int[Math.min(count, CANDIDATES * 4)];
        var size = 0;
        for (var i = 0; i < count; i++) {
            var id = touched[i];
            if (score[id] < floor) {
                continue;
            }
            if (size < best.length) {
                best[size++] = id;
                siftUp(best, size - 1, score);
            } else if (better(id, best[0], score)) {
                best[0] = id;
                siftDown(best, size, score);
            }
        }
        var order = new Integer[size];
        for (var i = 0; i < size; i++) {
            order[i] = best[i];
        }
        Arrays.sort(order, (a, b) -> better(a, b, score) ? -1 : better(b, a, score) ? 1 : 0);
        var chosen = new LinkedHashSet<Integer>();
        for (var id : order) {
            if (score[id] < floor) {
                break;
            }
            chosen.add(entryOfName[id]);
            if (chosen.size() == CANDIDATES) {
                break;
            }
        }
        for (var i = 0; i < count; i++) {
            score[touched[i]] = 0;
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The {@code k}-th highest score among the first {@code count} touched names (quickselect on a copy). */
    private static float kthBest(float[] score, int[] touched, int count, int k, Scratch scratch) {
        if (scratch.selection.length < count) {
            scratch.selection = new float[Math.max(count, scratch.selection.length * 2)];
        }
        var values = scratch.selection;
        for (var i = 0; i < count; i++) {
            values[i] = score[touched[i]];
        }
        var target = k - 1;
        int lo = 0, hi = count - 1;
        while (lo < hi) {
            var pivot = values[(lo + hi) >>> 1];
            int i = lo, j = hi;
            while (i <= j) {
                while (values[i] > pivot) {
                    i++;
                }
                while (values[j] < pivot) {
                    j--;
                }
                if (i <= j) {
                    var t = values[i];
                    values[i] = values[j];
                    values[j] = t;
                    i++;
                    j--;
                }
            }
            if (target <= j) {
                hi = j;
            } else if (target >= i) {
                lo = i;
            } else {
                break;
            }
        }
        return values[target];
    }

    /** Whether name {@code a} ranks above name {@code b}: a higher score, or the same score and an earlier position. */
    private static boolean better(int a, int b, float[] score) {
        return score[a] > score[b] || (score[a] == score[b] && a < b);
    }

    /** A min-heap on rank: the root is the weakest of the names kept. */
    private static void siftUp(int[] heap, int i, float[] score) {
        while (i > 0) {
            var parent = (i - 1) / 2;
            if (!better(heap[parent], heap[i], score)) {
                return;
            }
            var t = heap[parent];
            heap[parent] = heap[i];
            heap[i] = t;
            i = parent;
        }
    }

    private static void siftDown(int[] heap, int size, float[] score) {
        var i = 0;
        while (true) {
            var left = 2 * i + 1;
            var right = left + 1;
            var weakest = i;
            if (left < size && better(heap[weakest], heap[left], score)) {
                weakest = left;
            }
            if (right < size && better(heap[weakest], heap[right], score)) {
                weakest = right;
            }
            if (weakest == i) {
                return;
            }
            var t = heap[weakest];
            heap[weakest] = heap[i];
            heap[i] = t;
            i = weakest;
        }
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
