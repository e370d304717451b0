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
        @Nullable String createdAt) {

    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    public record RulePack(String id, String version, String digest) {}

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
