package org.kaifang.calendar;

import java.util.List;

/** A date in a year the calendar has no notice for: the calendar does not guess. */
public final class YearNotCovered extends RuntimeException {

    private final int year;
    private final List<Integer> coveredYears;

    YearNotCovered(int year, List<Integer> coveredYears) {
        super("The working-day calendar does not cover " + year + "; it covers " + describe(coveredYears)
                + ". Import the State Council's notice for " + year + " (kaifang calendar import FILE).");
        this.year = year;
        this.coveredYears = List.copyOf(coveredYears);
    }

    /** The year asked for. */
    public int year() {
        return year;
    }

    /** The years the calendar covers, in order. */
    public List<Integer> coveredYears() {
        return coveredYears;
    }

    /** Years as runs: {@code 2024–2026, 2028}. */
    static String describe(List<Integer> years) {
        if (years.isEmpty()) {
            return "no year";
        }
        var out = new StringBuilder();
        int i = 0;
        while (i < years.size()) {
            int j = i;
            while (j + 1 < years.size() && years.get(j + 1) == years.get(j) + 1) {
                j++;
            }
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(years.get(i));
            if (j > i) {
                out.append('–').append(years.get(j));
            }
            i = j + 1;
        }
        return out.toString();
    }
}
