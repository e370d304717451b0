package org.kaifang.register;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which characters are in many holders' names, judged from a sample of the register's token keys, so that a name search
 * can give the trigram index only the rarer part of its pattern.
 *
 * <p>pg_trgm's GIN index intersects the posting lists of every trigram of a pattern, and a character in most names
 * (有限公司, and 演示 in the synthetic register) has lists of hundreds of thousands of entries to decode. Leaving those
 * characters out of the pattern the index sees, and checking the whole pattern on the rows it finds, gives the same
 * matches: a name search for 深圳万象演示 looked up 深圳万象 in a third of the time (55 against 180 ms, load ~15). Which
 * characters are common is only a guess from {@value #SAMPLE} names, refreshed every ten minutes; a wrong guess costs
 * time, never a result.
 */
final class CommonCharacters {

    static final int SAMPLE = 2_000;

    /** A character in more than this share of the sampled names is common. */
    static final double COMMON = 0.3;

    /**
     * A query in this share of the sampled names or more is left whole: it likely matches more than the search counts
     * (10,000 of 1,000,000), and walking the holder index finds its first matches at once, which a lookup of its rarer
     * part would not let PostgreSQL see.
     */
    static final double FREQUENT = 0.005;

    private static final Duration FRESH = Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private volatile @Nullable Sample sample;

    CommonCharacters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The sampled token keys, how many of them hold each character (as its token), and how many there are. */
    record Sample(List<String> keys, Map<String, Integer> names, int of, Instant at) {

        static Sample of(List<String> keys, Instant at) {
            var names = new HashMap<String, Integer>();
            for (var key : keys) {
                var seen = new HashSet<String>();
                for (int i = 0; i + 4 <= key.length(); i += 4) {
                    if (seen.add(key.substring(i, i + 4))) {
                        names.merge(key.substring(i, i + 4), 1, Integer::sum);
                    }
                }
            }
            return new Sample(List.copyOf(keys), Map.copyOf(names), keys.size(), at);
        }
    }

    /**
     * The part of the token key {@code key} to give the index: its longest run of characters that are not common, or
     * {@code null} to give it the whole key (no common character, no rare one, the whole query frequent, or too few
     * names to judge).
     */
    @Nullable
    String indexPart(String key) {
        return indexPart(key, sample());
    }

    static @Nullable String indexPart(String key, Sample sample) {
        if (sample.of() < 100
                || sample.keys().stream().filter(k -> k.contains(key)).count() >= sample.of() * FREQUENT) {
            return null;
        }
        var units = new ArrayList<String>();
        for (int i = 0; i + 4 <= key.length(); i += 4) {
            units.add(key.substring(i, i + 4));
        }
        int bestFrom = 0;
        int bestLength = 0;
        int from = 0;
        for (int i = 0; i <= units.size(); i++) {
            if (i == units.size() || sample.names().getOrDefault(units.get(i), 0) > sample.of() * COMMON) {
                if (i - from > bestLength) {
                    bestFrom = from;
                    bestLength = i - from;
                }
                from = i + 1;
            }
        }
        if (bestLength == 0 || bestLength == units.size()) {
            return null;
        }
        return String.join("", units.subList(bestFrom, bestFrom + bestLength));
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
