package org.kaifang.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The arithmetic of the figures, on values already read: pure functions, tested on their own. */
final class Aggregations {

    private Aggregations() {}

    /** Periods a series is reported in. */
    enum Period {
        YEAR,
        QUARTER;

        static Period parse(@Nullable String text) {
            if (text == null || text.isBlank()) {
                return YEAR;
            }
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new DateRange.Invalid(java.util.Map.of("period", "must be year or quarter"));
            }
        }

        /** {@code 2024} or {@code 2024-Q4} for the period that ends on {@code end}. */
        String label(LocalDate end) {
            return this == YEAR
                    ? String.valueOf(end.getYear())
                    : end.getYear() + "-Q" + end.get(IsoFields.QUARTER_OF_YEAR);
        }

        LocalDate endOf(LocalDate day) {
            if (this == YEAR) {
                return LocalDate.of(day.getYear(), 12, 31);
            }
            var lastMonth = ((day.getMonthValue() - 1) / 3) * 3 + 3;
            return LocalDate.of(day.getYear(), lastMonth, 1).plusMonths(1).minusDays(1);
        }
    }

    /**
     * The days a series reports on: each period's last day from the period holding {@code first} up to {@code to}, and
     * {@code to} itself when it is not a period's last day (the latest figure).
     */
    static List<LocalDate> points(LocalDate first, LocalDate to, Period period) {
        var points = new ArrayList<LocalDate>();
        for (var end = period.endOf(first); !end.isAfter(to); end = period.endOf(end.plusDays(1))) {
            points.add(end);
        }
        if (points.isEmpty() || !points.getLast().equals(to)) {
            points.add(to);
        }
        return points;
    }

    /** Distinct holders with at least one of {@code spans} in force at the end of {@code day}. */
    static int enterprises(Collection<StatisticsStore.Span> spans, LocalDate day) {
        var holders = new HashSet<String>();
        for (var s : spans) {
            if (!s.issuedOn().isAfter(day)
                    && (s.endedOn() == null || s.endedOn().isAfter(day))) {
                holders.add(s.holderKey());
            }
        }
        return holders.size();
    }

    /**
     * Growth from {@code before} to {@code now} in per cent, to one decimal; {@code null} when there was nothing before
     * to grow from.
     */
    static @Nullable BigDecimal growth(long now, long before) {
        if (before <= 0) {
            return null;
        }
        return BigDecimal.valueOf(now - before)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(before), 1, RoundingMode.HALF_UP);
    }

    /**
     * The {@code p}-th percentile (0 < p ≤ 100) of {@code values} by the nearest-rank method: the smallest value with
     * at least p% of the values at or below it; {@code null} for no values.
     */
    static @Nullable Integer percentile(List<Integer> values, int p) {
        if (values.isEmpty()) {
            return null;
        }
        var sorted = values.stream().sorted().toList();
        var rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** {@code part} of {@code whole} in per cent, to one decimal; {@code null} for an empty whole. */
    static @Nullable BigDecimal share(long part, long whole) {
        if (whole <= 0) {
            return null;
        }
        return BigDecimal.valueOf(part)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
