package org.kaifang.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Screens parties against versions of China's restricted-party lists, as of a date. The module's API.
 *
 * <p>A screening may hold several lists at once, for example the built-in compilation and the latest import of
 * OpenSanctions' list; each is indexed on its own, every hit carries the {@link ListRef} of the list it came from, and
 * results and reports name every list version screened. The first list is the primary one ({@link #list()}).
 *
 * <p>Each party's name is normalised, the index proposes candidate entries, and every name and alias of each candidate
 * is scored; the best name stands for the entry. Hits at or above the possible-match threshold are reported with the
 * status of each listing on the date. Only a hit with a listing that is active or suspended on the date can make a
 * {@link Outcome#MATCH} or {@link Outcome#POSSIBLE_MATCH}; hits whose listings have all ended, or not yet begun, are
 * shown for information.
 */
public final class Screening {

    /** The most parties one batch may hold. */
    public static final int BATCH_LIMIT = 10_000;

    /** The most hits reported per party. */
    static final int HITS = 10;

    private final List<Indexed> lists;
    private final List<ListRef> refs;
    private final Thresholds thresholds;

    /** One list with its index, built once and shared by the screenings that hold the list. */
    private record Indexed(RestrictedPartyList list, NameIndex index) {

        static Indexed of(RestrictedPartyList list) {
            return new Indexed(list, NameIndex.of(list.entries()));
        }
    }

    /** Screening against one list. */
    public Screening(RestrictedPartyList list, Thresholds thresholds) {
        this(List.of(list), thresholds);
    }

    /**
     * Screening against several lists at once, the first being the primary one.
     *
     * @throws IllegalArgumentException when {@code lists} is empty or two lists share an id
     */
    public Screening(List<RestrictedPartyList> lists, Thresholds thresholds) {
        this(lists.stream().map(Indexed::of).toList(), thresholds, true);
    }

    private Screening(List<Indexed> lists, Thresholds thresholds, boolean indexed) {
        if (lists.isEmpty()) {
            throw new IllegalArgumentException("A screening needs at least one list");
        }
        var ids = new java.util.HashSet<String>();
        for (var l : lists) {
            if (!ids.add(l.list().ref().id())) {
                throw new IllegalArgumentException(
                        "Two lists with the id " + l.list().ref().id());
            }
        }
        this.lists = List.copyOf(lists);
        this.refs = lists.stream().map(l -> l.list().ref()).toList();
        this.thresholds = thresholds;
    }

    /**
     * This screening with {@code list} in place of the list with the same id, or added after the others; the other
     * lists keep their indexes, so only {@code list} is indexed.
     */
    Screening with(RestrictedPartyList list) {
        var indexed = Indexed.of(list);
        var next = new ArrayList<Indexed>(lists.size() + 1);
        var replaced = false;
        for (var l : lists) {
            if (l.list().ref().id().equals(list.ref().id())) {
                next.add(indexed);
                replaced = true;
            } else {
                next.add(l);
            }
        }
        if (!replaced) {
            next.add(indexed);
        }
        return new Screening(next, thresholds, true);
    }

    /** Screening against the built-in lists with the default thresholds. */
    public static Screening builtIn() {
        return new Screening(BuiltInLists.load(), Thresholds.DEFAULT);
    }

    /** The primary list: the first given. */
    public ListRef list() {
        return refs.getFirst();
    }

    /** Every list screened against, the primary first. */
    public List<ListRef> lists() {
        return refs;
    }

    /** The list data screened against, for browsing, the primary list first. */
    public List<RestrictedPartyList> data() {
        return lists.stream().map(Indexed::list).toList();
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    /** Screens one party as of {@code asOf}. */
    public ScreeningResult screen(Party party, LocalDate asOf) {
        var query = new NameScorer.Side(NameNormaliser.normalise(party.name()));
        var person = party.kind() == PartyKind.PERSON;
        var found = new ArrayList<Found>();
        for (var indexed : lists) {
            collect(query, person, indexed, found);
        }
        found.sort(Comparator.comparingDouble((Found f) -> f.match().score())
                .reversed()
                .thenComparing(f -> f.list().id())
                .thenComparing(f -> f.entry().id()));
        // Listings on the date and explanations only for the hits reported, not for every hit found.
        var shown = new ArrayList<Hit>(Math.min(HITS, found.size()));
        for (var f : found.subList(0, Math.min(HITS, found.size()))) {
            var listings = f.entry().listings().stream()
                    .map(l -> new ListingOnDate(
                            l, l.statusOn(asOf), l.suspensionOn(asOf).orElse(null)))
                    .toList();
            shown.add(new Hit(f.entry(), f.match(), listings, explain(party, f.match(), listings, asOf), f.list()));
        }
        var outcome = shown.stream()
                .filter(Hit::counts)
                .map(h -> thresholds.outcomeOf(h.score()))
                .max(Comparator.naturalOrder())
                .orElse(Outcome.CLEAR);
        var hits = List.copyOf(shown);
        return switch (outcome) {
            case MATCH -> new ScreeningResult.Match(party, asOf, list(), hits, refs);
            case POSSIBLE_MATCH -> new ScreeningResult.PossibleMatch(party, asOf, list(), hits, refs);
            case CLEAR -> new ScreeningResult.Clear(party, asOf, list(), hits, refs);
        };
    }

    /** An entry whose best name reached the possible-match threshold, before it is ranked among the others. */
    private record Found(ListEntry entry, NameMatch match, ListRef list) {}

    private void collect(NameScorer.Side query, boolean person, Indexed indexed, List<Found> found) {
        var index = indexed.index();
        for (var position : index.candidates(query.name)) {
            var entry = index.entries().get(position);
            var romanise = person || entry.kind() == EntryKind.PERSON;
            // Every name is scored; only the best, the first of the highest, is compared again with its account.
            NormalisedName best = null;
            var bestScore = 0.0;
            for (var name : index.namesOf(position)) {
                var score = NameScorer.score(query, name, romanise);
                if (best == null || score > bestScore) {
                    best = name;
                    bestScore = score;
                }
            }
            if (best != null && bestScore >= thresholds.possibleMatch()) {
                found.add(new Found(
                        entry,
                        NameScorer.compare(query, best, romanise),
                        indexed.list().ref()));
            }
        }
    }

    /**
     * Screens a batch of up to {@link #BATCH_LIMIT} parties as of {@code asOf}; results come in the parties' order.
     *
     * @throws BatchTooLarge when the batch holds more parties than that
     */
    public ScreeningReport screen(List<Party> parties, LocalDate asOf) {
        if (parties.size() > BATCH_LIMIT) {
            throw new BatchTooLarge(parties.size(), BATCH_LIMIT);
        }
        var results = parties.stream().map(p -> screen(p, asOf)).toList();
        return new ScreeningReport(asOf, refs, results);
    }

    private Explanation explain(Party party, NameMatch match, List<ListingOnDate> listings, LocalDate asOf) {
        var score = String.format(Locale.ROOT, "%.3f", match.score());
        var zhTokens = match.tokens().stream().map(Screening::zh).collect(Collectors.joining("；"));
        var enTokens = match.tokens().stream().map(Screening::en).collect(Collectors.joining("; "));
        var zhListings = listings.stream().map(l -> zh(l, asOf)).collect(Collectors.joining("；"));
        var enListings = listings.stream().map(l -> en(l, asOf)).collect(Collectors.joining("; "));
        var zhOutcome = switch (thresholds.outcomeOf(match.score())) {
            case MATCH -> "达到匹配阈值 " + thresholds.match();
            case POSSIBLE_MATCH -> "达到可能匹配阈值 " + thresholds.possibleMatch() + "，低于匹配阈值 " + thresholds.match();
            case CLEAR -> "低于可能匹配阈值";
        };
        var enOutcome = switch (thresholds.outcomeOf(match.score())) {
            case MATCH -> "at or above the match threshold of " + thresholds.match();
            case POSSIBLE_MATCH ->
                "at or above the possible-match threshold of " + thresholds.possibleMatch()
                        + ", below the match threshold of " + thresholds.match();
            case CLEAR -> "below the possible-match threshold";
        };
        var counts = listings.stream().anyMatch(l -> l.status().counts());
        var zh = "“" + party.name() + "”与名单名称“" + match.listedName() + "”（" + zhComparison(match) + "）得分 " + score + "，"
                + zhOutcome + "。比对：" + zhTokens + "。列名：" + zhListings + "。"
                + (counts ? "" : "所有列名在该日均已终止或尚未生效，不构成匹配，仅供参考。");
        var en = "'" + party.name() + "' against the listed name '" + match.listedName() + "' (" + enComparison(match)
                + ") scores " + score + ", " + enOutcome + ". Tokens: " + enTokens + ". Listings: " + enListings + "."
                + (counts
                        ? ""
                        : " Every listing has ended or is not yet in force on that date: shown for information only.");
        return new Explanation(zh, en);
    }

    private static String zhComparison(NameMatch match) {
        return switch (match.comparison()) {
            case LATIN -> "拉丁字母比对";
            case CHINESE -> "汉字比对";
            case CROSS_SCRIPT -> "经拼音跨文字比对";
        };
    }

    private static String enComparison(NameMatch match) {
        return switch (match.comparison()) {
            case LATIN -> "Latin script";
            case CHINESE -> "Chinese characters";
            case CROSS_SCRIPT -> "across scripts, through pinyin";
        };
    }

    private static String zh(TokenMatch t) {
        var q = t.query() == null ? "—" : t.query();
        var l = t.listed() == null ? "—" : t.listed();
        return q + " ↔ " + l + "（" + t.how().zh() + "，" + t.score() + "，权重 " + t.weight() + "）";
    }

    private static String en(TokenMatch t) {
        var q = t.query() == null ? "—" : t.query();
        var l = t.listed() == null ? "—" : t.listed();
        return q + " ~ " + l + " (" + t.how().en() + ", " + t.score() + ", weight " + t.weight() + ")";
    }

    private static String zh(ListingOnDate l, LocalDate asOf) {
        var a = l.listing().announcement();
        var status = switch (l.status()) {
            case ACTIVE -> "有效";
            case SUSPENDED -> "暂停（" + window(l.suspension()) + "）";
            case ENDED -> "已终止";
            case NOT_YET -> "尚未生效";
        };
        return a.list().zh() + " " + a.date() + (a.number() != null ? " " + a.number() : "") + "，于 " + asOf + " "
                + status;
    }

    private static String en(ListingOnDate l, LocalDate asOf) {
        var a = l.listing().announcement();
        var status = switch (l.status()) {
            case ACTIVE -> "active";
            case SUSPENDED -> "suspended (" + window(l.suspension()) + ")";
            case ENDED -> "ended";
            case NOT_YET -> "not yet in force";
        };
        return a.list().en() + " of " + a.date() + (a.number() != null ? " (" + a.number() + ")" : "") + ", " + status
                + " on " + asOf;
    }

    private static String window(@Nullable SuspensionWindow w) {
        if (w == null) {
            return "";
        }
        return w.from() + " – "
                + (w.until() == null ? "" : w.until().minusDays(1).toString());
    }
}
