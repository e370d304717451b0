package org.kaifang.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kaifang.screening.NameMatch.Comparison;
import org.kaifang.screening.NormalisedName.TokenKind;
import org.kaifang.screening.TokenMatch.How;

/**
 * Scores two normalised names from 0 to 1 and says why.
 *
 * <p>Latin names are compared as token sets: each token is paired with at most one token of the other name (exact,
 * typo, Wade-Giles/pinyin, initial), the best pairs first, so word order does not matter. Each side's coverage is the
 * matched share of its token weight; legal forms and stop words weigh little, so "Corp" neither makes nor breaks a
 * match. The score blends the mean coverage and the lower of the two coverages of distinctive tokens: an extra distinctive word on either side
 * ("Lockheed Martin Aeronautics" against "Lockheed Martin Corporation") costs more than the mean alone would charge,
 * which keeps sibling companies apart. Chinese names are compared character by character and by pinyin syllable
 * (homophones). A Chinese name meets a Latin one through its pinyin, at a small discount.
 */
final class NameScorer {

    /** A pinyin rendering is a guess at how the name would be romanised; never quite as good as the same script. */
    static final double CROSS_SCRIPT = 0.97;

    /** Different characters with the same pinyin: likely a homophone typo, but not the same characters. */
    static final double HOMOPHONE = 0.95;

    static final double ROMANISATION = 0.95;
    static final double INITIAL = 0.8;

    private NameScorer() {}

    /**
     * The best agreement between two names, with the token-by-token account that explains it.
     *
     * @param romanise whether Wade-Giles/pinyin equivalence applies to Latin tokens, as it does for persons; it always
     *     applies to a Chinese name's pinyin
     */
    static NameMatch compare(NormalisedName query, NormalisedName listed, boolean romanise) {
        return compare(new Side(query), listed, romanise);
    }

    /** As {@link #compare(NormalisedName, NormalisedName, boolean)}, for a query prepared once for many names. */
    static NameMatch compare(Side query, NormalisedName listedName, boolean romanise) {
        var listed = new Side(listedName);
        var best = new NameMatch(listedName.original(), 0.0, Comparison.LATIN, List.of());
        if (query.name.hasHan() && listedName.hasHan()) {
            var tokens = new ArrayList<TokenMatch>();
            best = better(
                    best,
                    new NameMatch(
                            listedName.original(),
                            chinese(query, listed, romanise, tokens),
                            Comparison.CHINESE,
                            tokens));
        } else if (query.name.hasLatin() && listedName.hasLatin()) {
            var tokens = new ArrayList<TokenMatch>();
            best = better(
                    best,
                    new NameMatch(
                            listedName.original(),
                            latin(query, listed, romanise, 1.0, tokens),
                            Comparison.LATIN,
                            tokens));
        }
        if (query.name.hasHan() && !listedName.hasHan() && listedName.hasLatin()) {
            var tokens = new ArrayList<TokenMatch>();
            best = better(
                    best,
                    new NameMatch(
                            listedName.original(),
                            latin(query.romanised(), listed, true, CROSS_SCRIPT, tokens),
                            Comparison.CROSS_SCRIPT,
                            tokens));
        }
        if (listedName.hasHan() && !query.name.hasHan() && query.name.hasLatin()) {
            var tokens = new ArrayList<TokenMatch>();
            best = better(
                    best,
                    new NameMatch(
                            listedName.original(),
                            latin(query, listed.romanised(), true, CROSS_SCRIPT, tokens),
                            Comparison.CROSS_SCRIPT,
                            tokens));
        }
        return best;
    }

    /**
     * The score {@link #compare(Side, NormalisedName, boolean)} gives, without the token account: a query is scored
     * against every name of every candidate, but only the best name of a hit is explained, so the pairs, strings and
     * lists of an explanation are not built for the names that lose. Same arithmetic, so the same score.
     */
    static double score(Side query, NormalisedName listedName, boolean romanise) {
        var listed = new Side(listedName);
        var best = 0.0;
        if (query.name.hasHan() && listedName.hasHan()) {
            best = Math.max(best, chinese(query, listed, romanise, null));
        } else if (query.name.hasLatin() && listedName.hasLatin()) {
            best = Math.max(best, latin(query, listed, romanise, 1.0, null));
        }
        if (query.name.hasHan() && !listedName.hasHan() && listedName.hasLatin()) {
            best = Math.max(best, latin(query.romanised(), listed, true, CROSS_SCRIPT, null));
        }
        if (listedName.hasHan() && !query.name.hasHan() && query.name.hasLatin()) {
            best = Math.max(best, latin(query, listed.romanised(), true, CROSS_SCRIPT, null));
        }
        return best;
    }

    private static NameMatch better(NameMatch a, NameMatch b) {
        return b.score() > a.score() ? b : a;
    }

    /**
     * One side of a comparison, with what the scorer derives from the name worked out at most once: a query's side is
     * made once per screening and reused for every candidate, where these used to be recomputed for each pair of
     * tokens or names.
     */
    static final class Side {

        final NormalisedName name;
        private @Nullable String compact;
        private @Nullable String skeleton;
        private @Nullable String[] keys;
        private @Nullable Side romanised;
        private long words = -1;

        Side(NormalisedName name) {
            this.name = name;
        }

        String compact() {
            if (compact == null) {
                compact = name.compact();
            }
            return compact;
        }

        String skeleton() {
            if (skeleton == null) {
                skeleton = Romanisation.skeleton(compact());
            }
            return skeleton;
        }

        /** {@link Romanisation#key(String)} of token {@code i}. */
        String key(int i) {
            if (keys == null) {
                keys = new String[name.tokens().size()];
            }
            var key = keys[i];
            if (key == null) {
                key = Romanisation.key(name.tokens().get(i).text());
                keys[i] = key;
            }
            return key;
        }

        /** How many distinctive words and initials the name has. */
        long words() {
            if (words < 0) {
                var count = 0L;
                var tokens = name.tokens();
                for (var i = 0; i < tokens.size(); i++) {
                    var kind = tokens.get(i).kind();
                    if (kind == TokenKind.WORD || kind == TokenKind.INITIAL) {
                        count++;
                    }
                }
                words = count;
            }
            return words;
        }

        Side romanised() {
            if (romanised == null) {
                romanised = new Side(name.romanised());
            }
            return romanised;
        }
    }

    /** The rounded score of two names with Chinese characters; the account goes to {@code tokens} unless null. */
    private static double chinese(
            Side querySide, Side listedSide, boolean romanise, @Nullable List<TokenMatch> tokens) {
        var query = querySide.name;
        var listed = listedSide.name;
        var characters = Similarity.ratio(query.han(), listed.han());
        var sound = Similarity.ratio(query.pinyin(), listed.pinyin()) * HOMOPHONE;
        var hanScore = Math.max(characters, sound);
        double hanWeight = Math.max(query.han().length(), listed.han().length());
        if (tokens != null) {
            var how = characters >= sound ? (characters == 1.0 ? How.EXACT : How.CHARACTERS) : How.HOMOPHONE;
            tokens.add(new TokenMatch(query.han(), listed.han(), how, round(hanScore), hanWeight));
            if (!query.hanLegalForms().isEmpty() || !listed.hanLegalForms().isEmpty()) {
                var same = query.hanLegalForms().equals(listed.hanLegalForms());
                tokens.add(new TokenMatch(
                        String.join("", query.hanLegalForms()),
                        String.join("", listed.hanLegalForms()),
                        How.LEGAL_FORM,
                        same ? 1.0 : 0.0,
                        0.0));
            }
        }
        var score = hanScore;
        if (query.hasLatin() || listed.hasLatin()) {
            // Latin parts of a Chinese name ("S3航空防务公司"): a Latin letter weighs about a third of a character.
            double latinWeight =
                    Math.max(querySide.compact().length(), listedSide.compact().length()) / 3.0;
            var latinScore = 0.0;
            if (query.hasLatin() && listed.hasLatin()) {
                // Its own list: the Latin comparison may replace its account with a run-together one.
                var latinTokens = tokens == null ? null : new ArrayList<TokenMatch>();
                latinScore = latin(querySide, listedSide, romanise, 1.0, latinTokens);
                if (tokens != null) {
                    tokens.addAll(latinTokens);
                }
            } else if (tokens != null) {
                var side = query.hasLatin() ? query : listed;
                for (var t : side.tokens()) {
                    tokens.add(
                            side == query
                                    ? new TokenMatch(t.text(), null, How.UNMATCHED, 0.0, t.kind().weight)
                                    : new TokenMatch(null, t.text(), How.UNMATCHED, 0.0, t.kind().weight));
                }
            }
            score = (hanScore * hanWeight + latinScore * latinWeight) / (hanWeight + latinWeight);
        }
        return round(score);
    }

    private record Pair(int q, int l, double score, How how) {}

    private static final Comparator<Pair> BEST_FIRST =
            Comparator.comparingDouble(Pair::score).reversed();

    /** The rounded score of two names' Latin tokens times {@code factor}; the account goes to {@code tokens}. */
    private static double latin(
            Side query, Side listed, boolean romanise, double factor, @Nullable List<TokenMatch> tokens) {
        var qs = query.name.tokens();
        var ls = listed.name.tokens();
        var pairs = new ArrayList<Pair>();
        for (var i = 0; i < qs.size(); i++) {
            for (var j = 0; j < ls.size(); j++) {
                var pair = pair(query, i, listed, j, romanise);
                if (pair != null) {
                    pairs.add(pair);
                }
            }
        }
        pairs.sort(BEST_FIRST);
        var qUsed = new boolean[qs.size()];
        var lUsed = new boolean[ls.size()];
        double qMatched = 0, lMatched = 0;
        // The same without legal forms: an extra "Co., Ltd." must not halve the lower coverage.
        double qDistinctMatched = 0, lDistinctMatched = 0, qDistinct = 0, lDistinct = 0;
        for (var p : pairs) {
            if (qUsed[p.q()] || lUsed[p.l()]) {
                continue;
            }
            qUsed[p.q()] = true;
            lUsed[p.l()] = true;
            var q = qs.get(p.q());
            var l = ls.get(p.l());
            qMatched += p.score() * q.kind().weight;
            lMatched += p.score() * l.kind().weight;
            if (q.kind() != TokenKind.LEGAL_FORM) {
                qDistinctMatched += p.score() * q.kind().weight;
                lDistinctMatched += p.score() * l.kind().weight;
            }
            if (tokens != null) {
                tokens.add(new TokenMatch(
                        q.text(), l.text(), p.how(), round(p.score()), Math.max(q.kind().weight, l.kind().weight)));
            }
        }
        double qTotal = 0, lTotal = 0;
        for (var i = 0; i < qs.size(); i++) {
            qTotal += qs.get(i).kind().weight;
            if (qs.get(i).kind() != TokenKind.LEGAL_FORM) {
                qDistinct += qs.get(i).kind().weight;
            }
            if (!qUsed[i] && tokens != null) {
                tokens.add(new TokenMatch(
                        qs.get(i).text(), null, How.UNMATCHED, 0.0, qs.get(i).kind().weight));
            }
        }
        for (var j = 0; j < ls.size(); j++) {
            lTotal += ls.get(j).kind().weight;
            if (ls.get(j).kind() != TokenKind.LEGAL_FORM) {
                lDistinct += ls.get(j).kind().weight;
            }
            if (!lUsed[j] && tokens != null) {
                tokens.add(new TokenMatch(
                        null, ls.get(j).text(), How.UNMATCHED, 0.0, ls.get(j).kind().weight));
            }
        }
        var qCoverage = qDistinct == 0 ? (qTotal == 0 ? 0 : qMatched / qTotal) : qDistinctMatched / qDistinct;
        var lCoverage = lDistinct == 0 ? (lTotal == 0 ? 0 : lMatched / lTotal) : lDistinctMatched / lDistinct;
        var score = 0.5 * (qMatched + lMatched) / (qTotal + lTotal) + 0.5 * Math.min(qCoverage, lCoverage);

        var compact = runTogether(query, listed, romanise);
        if (compact > score) {
            if (tokens != null) {
                tokens.clear();
                tokens.add(new TokenMatch(query.compact(), listed.compact(), How.RUN_TOGETHER, round(compact), 1.0));
            }
            score = compact;
        }
        return round(score * factor);
    }

    /**
     * The names' distinctive words run together: catches "IronMountain" for "Iron Mountain" and "Zhenchang" for
     * "Tseng-chang". Spelling differences are forgiven here only when the two names split their words differently;
     * with the same split, the token pairs have already judged them, and forgiving them again would let two
     * one-letter differences ("Marco Rubio", "Marco Rubini") pass as one.
     */
    private static double runTogether(Side query, Side listed, boolean romanise) {
        var split = query.words() != listed.words();
        if (!split && !romanise) {
            // Whatever the two strings, the same split without romanisation scores 0 (see above): not worth building
            // the listed name's string for, which most comparisons of companies are.
            return 0.0;
        }
        var a = query.compact();
        var b = listed.compact();
        if (a.isEmpty() || b.isEmpty()) {
            return 0.0;
        }
        if (a.equals(b)) {
            return split ? 0.99 : 0.0;
        }
        var best = split ? typo(a, b) : 0.0;
        if (romanise) {
            var sa = query.skeleton();
            var sb = listed.skeleton();
            if (sa.equals(sb)) {
                best = Math.max(best, ROMANISATION);
            } else if (split) {
                best = Math.max(best, ROMANISATION * typo(sa, sb));
            }
        }
        return best;
    }

    private static @Nullable Pair pair(Side query, int i, Side listed, int j, boolean romanise) {
        var q = query.name.tokens().get(i);
        var l = listed.name.tokens().get(j);
        var a = q.text();
        var b = l.text();
        var legal = q.kind() == TokenKind.LEGAL_FORM || l.kind() == TokenKind.LEGAL_FORM;
        if (legal) {
            if (q.kind() != l.kind()) {
                return null;
            }
            return new Pair(i, j, a.equals(b) ? 1.0 : 0.6, How.LEGAL_FORM);
        }
        if (a.equals(b)) {
            return new Pair(i, j, 1.0, How.EXACT);
        }
        if (q.kind() == TokenKind.INITIAL || l.kind() == TokenKind.INITIAL) {
            return a.charAt(0) == b.charAt(0) ? new Pair(i, j, INITIAL, How.INITIAL) : null;
        }
        if (romanise && a.length() > 1 && b.length() > 1) {
            var ka = query.key(i);
            var kb = listed.key(j);
            if (ka.equals(kb)) {
                return new Pair(i, j, ROMANISATION, How.ROMANISATION);
            }
            if (Math.min(ka.length(), kb.length()) >= 3 && Similarity.transpositions(ka, kb, 1) == 1) {
                return new Pair(i, j, 0.85, How.ROMANISATION);
            }
        }
        var typo = typo(a, b);
        return typo > 0 ? new Pair(i, j, typo, How.TYPO) : null;
    }

    /**
     * A score for two spellings that differ by a typo, or 0: one edit allowed from four letters, two from eight, three
     * from sixteen. Shorter words must agree exactly, because "Li" and "Lu" are different names.
     */
    static double typo(String a, String b) {
        var shorter = Math.min(a.length(), b.length());
        var allowed = shorter >= 16 ? 3 : shorter >= 8 ? 2 : shorter >= 4 ? 1 : 0;
        if (allowed == 0 || Math.abs(a.length() - b.length()) > allowed) {
            return 0.0;
        }
        var distance = Similarity.transpositions(a, b, allowed);
        if (distance > allowed) {
            return 0.0;
        }
        return 1.0 - 0.5 * distance / Math.max(a.length(), b.length());
    }

    static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
