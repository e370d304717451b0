package org.kaifang.eligibility.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A stored determination read back from its JSON, for its page. */
public record DeterminationView(
        String id,
        String asOf,
        RulePack rulePack,
        String overall,
        Authority authority,
        String licenceScope,
        BigDecimal foreignEquityPercent,
        List<Finding> findings,
        List<Service> services,
        @Nullable List<Text> hints,
        @Nullable String createdAt,
        @Nullable Ownership ownership,
        @Nullable Screening screening) {

    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    public record RulePack(String id, String version, String digest) {}

    /** The restricted-party screening of the applicant and its structure's parties, and the list version used. */
    public record Screening(ScreenedList list, List<ScreenedParty> results) {}

    public record ScreenedList(String id, String version, String digest) {}

    /** One party's result: the party id in the request, the name screened, the outcome and the hits. */
    public record ScreenedParty(String party, String query, String outcome, List<ScreenedHit> hits) {}

    public record ScreenedHit(String entry, String matchedName, double score, List<ScreenedListing> listings) {

        public String scoreText() {
            return String.format(java.util.Locale.ROOT, "%.3f", score);
        }
    }

    public record ScreenedListing(
            String list,
            String date,
            String status,
            @Nullable String url) {}

    public record Authority(String code, Text name) {}

    public record Text(String zh, String en) {
        public String in(String lang) {
            return "zh".equals(lang) ? zh : en;
        }
    }

    public record Citation(
            String document,
            @Nullable String article,
            @Nullable String url,
            @Nullable String instrument) {}

    public record Finding(
            String rule,
            String outcome,
            Text message,
            Citation citation,
            String confidence,
            @Nullable String overriddenBy) {}

    public record Service(
            String code,
            @Nullable String item,
            Text name,
            String outcome,
            @Nullable BigDecimal foreignEquityCapPercent,
            String decidedBy,
            List<Text> conditions,
            List<Finding> findings,
            List<Text> hints) {

        public String key() {
            return item == null ? code : code + "/" + item;
        }

        public String cap() {
            return foreignEquityCapPercent == null
                    ? null
                    : foreignEquityCapPercent.stripTrailingZeros().toPlainString() + "%";
        }
    }

    /**
     * The analysis of the ownership structure the request gave: every measure, the chains and the controllers.
     * Percentages are 0–100.
     */
    public record Ownership(
            ForeignEquity foreignEquity,
            boolean foreignControlled,
            List<Controller> controllers,
            List<Effective> effective,
            List<Chain> paths) {

        /** The direct measure, with its bounds when a direct holding is a band. */
        public String direct() {
            return measure(foreignEquity.direct(), foreignEquity.directRange());
        }

        /** The look-through measure (the one judged), with its bounds when any holding is a band. */
        public String lookThrough() {
            return measure(foreignEquity.lookThrough(), foreignEquity.lookThroughRange());
        }

        private static String measure(BigDecimal value, List<BigDecimal> range) {
            var text = percent(value);
            if (range.size() == 2 && range.get(0).compareTo(range.get(1)) != 0) {
                text += " (" + plain(range.get(0)) + "–" + percent(range.get(1)) + ")";
            }
            return text;
        }
    }

    public record ForeignEquity(
            BigDecimal direct,
            List<BigDecimal> directRange,
            BigDecimal lookThrough,
            List<BigDecimal> lookThroughRange) {}

    public record Controller(String party, boolean foreign, List<String> chain, Text reason) {}

    public record Effective(String party, BigDecimal percent, boolean foreign) {
        public String text() {
            return DeterminationView.percent(percent);
        }
    }

    public record Chain(List<String> parties, BigDecimal percent, boolean foreign, String text) {}

    static String percent(BigDecimal value) {
        return plain(value) + "%";
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    public String equity() {
        return foreignEquityPercent.stripTrailingZeros().toPlainString() + "%";
    }

    /** When it was made, to the second in UTC, for people; the page keeps the exact instant in {@code datetime}. */
    public @Nullable String createdAtText() {
        if (createdAt == null) {
            return null;
        }
        try {
            return CREATED.format(Instant.parse(createdAt));
        } catch (DateTimeParseException e) {
            return createdAt;
        }
    }

    public List<Text> hintList() {
        return hints == null ? List.of() : hints;
    }
}
