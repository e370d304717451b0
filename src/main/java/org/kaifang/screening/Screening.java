package org.kaifang.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Screens parties against one version of China's restricted-party lists, as of a date. The module's API.
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

    private final RestrictedPartyList list;
    private final NameIndex index;
    private final Thresholds thresholds;

    public Screening(RestrictedPartyList list, Thresholds thresholds) {
        this.list = list;
        this.index = NameIndex.of(list.entries());
        this.thresholds = thresholds;
    }

    /** Screening against the built-in lists with the default thresholds. */
    public static Screening builtIn() {
        return new Screening(BuiltInLists.load(), Thresholds.DEFAULT);
    }

    public ListRef list() {
        return list.ref();
    }

    /** The list data screened against, for browsing. */
    public RestrictedPartyList data() {
        return list;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    /** Screens one party as of {@code asOf}. */
    public ScreeningResult screen(Party party, LocalDate asOf) {
        var query = NameNormaliser.normalise(party.name());
        var person = party.kind() == PartyKind.PERSON;
        var hits = new ArrayList<Hit>();
        for (var entry : index.candidates(query)) {
            var romanise = person || entry.kind() == EntryKind.PERSON;
            NameMatch best = null;
            for (var name : entry.names()) {
                var match = NameScorer.compare(query, NameNormaliser.normalise(name.text()), romanise);
                if (best == null || match.score() > best.score()) {
                    best = match;
                }
            }
            if (best != null && best.score() >= thresholds.possibleMatch()) {
                var listings = entry.listings().stream()
                        .map(l -> new ListingOnDate(
                                l, l.statusOn(asOf), l.suspensionOn(asOf).orElse(null)))
                        .toList();
                hits.add(new Hit(entry, best, listings, explain(party, entry, best, listings, asOf)));
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::score)
                .reversed()
                .thenComparing(h -> h.entry().id()));
        var shown = hits.size() > HITS ? List.copyOf(hits.subList(0, HITS)) : List.copyOf(hits);
        var outcome = shown.stream()
                .filter(Hit::counts)
                .map(h -> thresholds.outcomeOf(h.score()))
                .max(Comparator.naturalOrder())
                .orElse(Outcome.CLEAR);
        return switch (outcome) {
            case MATCH -> new ScreeningResult.Match(party, asOf, list.ref(), shown);
            case POSSIBLE_MATCH -> new ScreeningResult.PossibleMatch(party, asOf, list.ref(), shown);
            case CLEAR -> new ScreeningResult.Clear(party, asOf, list.ref(), shown);
        };
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
        return new ScreeningReport(asOf, List.of(list.ref()), results);
    }

    private Explanation explain(
            Party party, ListEntry entry, NameMatch match, List<ListingOnDate> listings, LocalDate asOf) {
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
