package org.kaifang.ownership.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.kaifang.ownership.Holding;
import org.kaifang.ownership.OwnershipStructure;
import org.kaifang.ownership.Party;
import org.kaifang.ownership.PartyKind;
import org.kaifang.ownership.Share;

/**
 * Synthetic shareholding graphs for benchmarks, reproducible from a seed. Owners sit above what they own (a higher
 * number), close by as in real group structures, so the graph is acyclic except for rings placed deliberately on runs
 * of neighbouring parties; a ring cannot then merge with anything outside its run.
 */
public final class SyntheticGraphs {

    private static final String[] JURISDICTIONS = {"CN", "CN", "CN", "HK", "MO", "TW", "DE", "US", "SG", "KY"};

    private SyntheticGraphs() {}

    /** A graph as {@link org.kaifang.ownership.ForeignShares} takes it. */
    public record Graph(int parties, int[] owner, int[] owned, double[] share, boolean[] foreign, int inCycles) {}

    /**
     * A graph of {@code parties} parties and {@code holdings} holdings of which about {@code cycleFraction} of the
     * parties lie on rings of 2–50.
     */
    public static Graph graph(int parties, int holdings, double cycleFraction, long seed) {
        var random = new SplittableRandom(seed);
        var owner = new int[holdings];
        var owned = new int[holdings];
        var m = 0;
        // Rings first: a run b..b+k-1, each held by the next, the last by the first.
        var inCycles = 0;
        var ringAt = new boolean[parties];
        while (inCycles < cycleFraction * parties) {
            var k = random.nextInt(2, 51);
            var b = random.nextInt(parties - k);
            if (ringAt[b] || ringAt[b + k - 1]) {
                continue;
            }
            for (int i = b; i < b + k; i++) {
                ringAt[i] = true;
            }
            for (int i = b; i < b + k - 1; i++) {
                owner[m] = i + 1;
                owned[m++] = i;
            }
            owner[m] = b;
            owned[m++] = b + k - 1;
            inCycles += k;
        }
        // Then acyclic holdings, each from a party up to 1,000 above the one it holds.
        while (m < holdings) {
            var v = random.nextInt(parties - 1);
            owner[m] = v + 1 + random.nextInt(Math.min(1_000, parties - v - 1));
            owned[m++] = v;
        }
        var share = shares(parties, owned, random);
        var foreign = new boolean[parties];
        for (int i = 0; i < parties; i++) {
            foreign[i] = !JURISDICTIONS[random.nextInt(JURISDICTIONS.length)].equals("CN");
        }
        return new Graph(parties, owner, owned, share, foreign, inCycles);
    }

    /** Random shares, each company's holders together holding between 50% and 99%. */
    private static double[] shares(int parties, int[] owned, SplittableRandom random) {
        var raw = new double[owned.length];
        var total = new double[parties];
        for (int e = 0; e < owned.length; e++) {
            raw[e] = random.nextDouble(0.01, 1);
            total[owned[e]] += raw[e];
        }
        var held = new double[parties];
        for (int v = 0; v < parties; v++) {
            held[v] = random.nextDouble(0.5, 0.99);
        }
        for (int e = 0; e < owned.length; e++) {
            raw[e] = raw[e] / total[owned[e]] * held[owned[e]];
        }
        return raw;
    }

    /**
     * An applicant with an upstream structure of {@code parties} parties in all: each company {@code v} held by one to
     * four parties from up to {@code max(30, v)} above it, so that the structure widens upwards over a handful of
     * levels as real group structures do; a few rings; and one holding in ten a band.
     */
    public static OwnershipStructure upstream(int parties, long seed) {
        var random = new SplittableRandom(seed);
        var list = new ArrayList<Party>();
        for (int i = 0; i < parties; i++) {
            var id = i == 0 ? OwnershipStructure.APPLICANT : "p" + i;
            var kind = i > parties * 0.8 ? PartyKind.PERSON : PartyKind.COMPANY;
            list.add(new Party(id, "Party " + i, kind, JURISDICTIONS[random.nextInt(JURISDICTIONS.length)], Map.of()));
        }
        var pairs = new HashSet<Long>();
        var into = new ArrayList<List<int[]>>();
        for (int v = 0; v < parties; v++) {
            into.add(new ArrayList<>());
        }
        // The top fifth are natural persons and hold nothing of each other.
        for (int v = 0; v < parties * 0.8; v++) {
            var holders = random.nextInt(1, 5);
            for (int h = 0; h < holders; h++) {
                var u = v + 1 + random.nextInt(Math.min(Math.max(30, v), parties - v - 1));
                if (pairs.add((long) u * parties + v)) {
                    into.get(v).add(new int[] {u});
                }
            }
        }
        for (int ring = 0; ring < 5; ring++) {
            var v = 1 + random.nextInt(parties / 2);
            var u = v - 1 - random.nextInt(Math.min(5, v - 1) + 1);
            if (u > 0 && pairs.add((long) u * parties + v)) {
                into.get(v).add(new int[] {u});
            }
        }
        var holdings = new ArrayList<Holding>();
        for (int v = 0; v < parties; v++) {
            var holders = into.get(v);
            if (holders.isEmpty()) {
                continue;
            }
            var raw = new double[holders.size()];
            var total = 0.0;
            for (int i = 0; i < raw.length; i++) {
                raw[i] = random.nextDouble(0.05, 1);
                total += raw[i];
            }
            var held = random.nextDouble(0.6, 1);
            for (int i = 0; i < raw.length; i++) {
                var low = Math.floor(raw[i] / total * held * 10_000) / 10_000;
                var share = random.nextInt(10) == 0 ? new Share(low, Math.min(1, low + 0.1)) : Share.exactly(low);
                holdings.add(new Holding(
                        list.get(holders.get(i)[0]).id(), list.get(v).id(), share, null));
            }
        }
        return new OwnershipStructure(list, holdings, List.of());
    }
}
