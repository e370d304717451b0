package org.kaifang.screening;

import java.util.Map;

/**
 * A coarse phonetic key for a romanised Chinese syllable, the same for its Wade-Giles and its Hanyu Pinyin spelling
 * ("ting" and "ding" for 定, "hsiung" and "xiong" for 雄, "tsai" and "cai" for 蔡). Wade-Giles marks aspiration with an
 * apostrophe that is usually dropped in practice, so aspirated and unaspirated initials are merged; the key is for
 * recall, and the scorer gives a key match less than an exact one.
 */
final class Romanisation {

    // Whole Wade-Giles syllables whose pinyin spelling differs in more than the initial.
    private static final Map<String, String> SYLLABLES = Map.ofEntries(
            Map.entry("szu", "si"),
            Map.entry("ssu", "si"),
            Map.entry("tzu", "ci"),
            Map.entry("tsu", "ci"),
            Map.entry("tze", "ci"),
            Map.entry("shih", "si"),
            Map.entry("chih", "ci"),
            Map.entry("jih", "ri"),
            Map.entry("erh", "er"),
            Map.entry("you", "yu"),
            Map.entry("yi", "i"),
            Map.entry("wu", "u"),
            Map.entry("yeh", "ye"));

    // Longest first: the initial of a syllable, mapped to its class.
    private static final String[][] INITIALS = {
        {"tsz", "c"},
        {"hs", "s"},
        {"sh", "s"},
        {"zh", "c"},
        {"ch", "c"},
        {"ts", "c"},
        {"tz", "c"},
        {"j", "c"},
        {"q", "c"},
        {"z", "c"},
        {"c", "c"},
        {"x", "s"},
        {"s", "s"},
        {"b", "p"},
        {"p", "p"},
        {"d", "t"},
        {"t", "t"},
        {"g", "k"},
        {"k", "k"}
    };

    // Finals that Wade-Giles (and Taiwanese usage) spells differently from pinyin.
    private static final String[][] FINALS = {
        {"iung", "iong"}, {"ung", "ong"}, {"ien", "ian"}, {"ieh", "ie"}, {"ueh", "ue"}, {"uei", "ui"},
        {"iou", "iu"}, {"uen", "un"}, {"iau", "iao"}, {"ih", "i"}, {"uo", "o"}, {"oo", "u"}
    };

    private Romanisation() {}

    /** The key of {@code syllable}: lower-case ASCII letters, apostrophes ignored. */
    static String key(String syllable) {
        var s = syllable.replace("'", "");
        var whole = SYLLABLES.get(s);
        if (whole != null) {
            s = whole;
        }
        var initial = "";
        if (s.length() > 1 && s.charAt(0) == 'j' && s.charAt(1) != 'i' && s.charAt(1) != 'u') {
            // Pinyin j only comes before i and u; elsewhere j is Wade-Giles for pinyin r ("jen" is "ren").
            s = "r" + s.substring(1);
        }
        var rest = s;
        for (var pair : INITIALS) {
            if (s.startsWith(pair[0]) && s.length() > pair[0].length()) {
                initial = pair[1];
                rest = s.substring(pair[0].length());
                break;
            }
        }
        if (rest.equals("e")) {
            // pinyin "ge", "he", "ke" are Wade-Giles "ko", "ho", "k'o"
            return initial + "o";
        }
        for (var pair : FINALS) {
            if (rest.endsWith(pair[0])) {
                rest = rest.substring(0, rest.length() - pair[0].length()) + pair[1];
                break;
            }
        }
        return initial + rest;
    }

    // Applied in order to a whole run of syllables, where syllable boundaries are unknown ("tsengchang").
    private static final String[][] SKELETON = {
        {"tsz", "c"}, {"ts", "c"}, {"tz", "c"}, {"zh", "c"}, {"ch", "c"}, {"hs", "s"}, {"sh", "s"},
        {"iung", "iong"}, {"ung", "ong"}, {"ien", "ian"}, {"ieh", "ie"}, {"ih", "i"}, {"uo", "o"}, {"oo", "u"}
    };

    /** Wade-Giles j before anything but i or u is pinyin r, as in {@link #key(String)}; a loop, not a regex per call. */
    static String jAsR(String s) {
        var j = s.indexOf('j');
        if (j < 0) {
            return s;
        }
        var out = s.toCharArray();
        for (var i = j; i < out.length - 1; i++) {
            var next = s.charAt(i + 1);
            if (s.charAt(i) == 'j' && next != 'i' && next != 'u') {
                out[i] = 'r';
            }
        }
        return new String(out);
    }

    /**
     * A coarse key for a run of romanised syllables written together ("Zhenchang", "Tsengchang"): initials merged as
     * in {@link #key(String)} wherever they occur. Cruder than the per-syllable key, so the scorer uses it only when the
     * two names split their syllables differently.
     */
    static String skeleton(String run) {
        var s = jAsR(run.replace("'", ""));
        for (var pair : SKELETON) {
            s = s.replace(pair[0], pair[1]);
        }
        var out = new StringBuilder(s.length());
        for (var i = 0; i < s.length(); i++) {
            out.append(
                    switch (s.charAt(i)) {
                        case 'j', 'q', 'z' -> 'c';
                        case 'x' -> 's';
                        case 'b' -> 'p';
                        case 'd' -> 't';
                        case 'g' -> 'k';
                        default -> s.charAt(i);
                    });
        }
        return out.toString();
    }
}
