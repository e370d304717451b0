package org.kaifang.register;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The grams index of holder names on PostgreSQL, and which grams of a name query to look up in it.
 *
 * <p>A name's grams are its characters and its pairs of adjacent characters, taken from its token key
 * ({@link NameKey}: a character is four letters and digits, so a character is a gram of four and a pair one of eight).
 * {@code register.name_grams(name_tok)} computes them in the database, and a GIN index holds them
 * ({@link RegisterIndexes}). A name that contains a query contains every gram of it, so the index finds a superset of
 * the matches, and {@code name_tok like '%key%'} keeps the matches alone. Pairs, unlike pg_trgm's trigrams of the token
 * key (which never span two whole characters), tell {@code 123457有限公司} from any other run of digits before 有限公司:
 * at 1,000,000 licences its lookup read 950 index pages instead of 6,289 (docs/benchmarks.md).
 *
 * <p>GIN intersects the posting lists of the grams it is given, and a pair in most names (有限, 公司) has lists of
 * hundreds of thousands of entries to decode. A sample of {@value #SAMPLE} token keys, refreshed every ten minutes,
 * says which grams are common: those are left out of the lookup while rarer ones remain. It also says when a query is
 * in so many names ({@value #WALK} of them or more) that walking the holder index in order finds the first page and the
 * capped count sooner than any lookup, which must read every match. A wrong guess costs time, never a result: the
 * {@code like} decides what matches.
 */
final class NameGrams {

    static final int SAMPLE = 2_000;

    /** A gram in more than this share of the sampled names is common, and left out of a lookup when it can be. */
    static final double COMMON = 0.3;

    /**
     * A query in this share of the sampled names or more is not looked up: at 1,000,000 licences, a lookup of a query
     * in 2.6% of the names took 160–180 ms and the walk 230 ms, in 4.9% 240–260 ms against 155 ms (the walk stops
     * after {@link Register#COUNT_LIMIT} + 1 matches, a lookup reads them all).
     */
    static final double WALK = 0.035;

    /** Grams a lookup keeps when all of a query's grams are common: the rarest few still narrow it. */
    static final int KEEP_WHEN_ALL_COMMON = 2;

    private static final int UNIT = 4;
    private static final Duration FRESH = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private volatile @Nullable Sample sample;

    NameGrams(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The sampled token keys, and in how many of them each gram is. */
    record Sample(List<String> keys, Map<String, Integer> names, Instant at) {

        static Sample of(List<String> keys, Instant at) {
            var names = new HashMap<String, Integer>();
            for (var key : keys) {
                for (var gram : new HashSet<>(grams(key))) {
                    names.merge(gram, 1, Integer::sum);
                }
            }
            return new Sample(List.copyOf(keys), Map.copyOf(names), at);
        }

        int names(String gram) {
            return names.getOrDefault(gram, 0);
        }

        /** How many names were sampled. */
        int of() {
            return keys.size();
        }
    }

    /**
     * The grams of token key {@code key} as {@code register.name_grams} computes them: each character's four, then
     * each pair's eight, in order and with repeats.
     */
    static List<String> grams(String key) {
        var grams = new ArrayList<String>(key.length() / 2);
        for (int i = 0; i + UNIT <= key.length(); i += UNIT) {
            grams.add(key.substring(i, i + UNIT));
        }
        for (int i = 0; i + 2 * UNIT <= key.length(); i += UNIT) {
            grams.add(key.substring(i, i + 2 * UNIT));
        }
        return grams;
    }

    /**
     * The grams of the query key {@code key} to look up, or {@code null} to look none up and walk the holder index
     * instead.
     */
    @Nullable
    List<String> lookup(String key) {
        return lookup(key, sample());
    }

    static @Nullable List<String> lookup(String key, Sample sample) {
        if (key.length() < UNIT) {
            return null;
        }
        var judged = sample.of() >= 100;
        if (judged && sample.keys().stream().filter(k -> k.contains(key)).count() >= sample.of() * WALK) {
            return null;
        }
        // A pair implies both its characters, so a query of two or more characters is looked up by its pairs alone.
        var own = new LinkedHashSet<String>();
        if (key.length() == UNIT) {
            own.add(key);
        } else {
            for (int i = 0; i + 2 * UNIT <= key.length(); i += UNIT) {
                own.add(key.substring(i, i + 2 * UNIT));
            }
        }
        if (!judged) {
            return List.copyOf(own);
        }
        var rare = own.stream()
                .filter(g -> sample.names(g) <= sample.of() * COMMON)
                .toList();
        return rare.isEmpty()
                ? own.stream()
                        .sorted(Comparator.comparingInt(sample::names))
                        .limit(KEEP_WHEN_ALL_COMMON)
                        .toList()
                : rare;
    }

    /** {@code grams} as a PostgreSQL array literal: token keys are letters and digits, so nothing needs quoting. */
    static String literal(List<String> grams) {
        return "{" + String.join(",", grams) + "}";
    }

    private Sample sample() {
        var now = Instant.now();
        var held = sample;
        if (held == null || held.at().plus(FRESH).isBefore(now)) {
            // By id, not by name: ids do not follow names, so the first ones are as good a sample as any.
            held = Sample.of(
                    jdbc.sql("select name_tok from register.licence_search order by id limit " + SAMPLE)
                            .query(String.class)
                            .list(),
                    now);
            sample = held;
        }
        return held;
    }
}
