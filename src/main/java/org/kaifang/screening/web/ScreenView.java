package org.kaifang.screening.web;

import java.util.List;
import java.util.Map;
import org.kaifang.screening.AlertStatus;
import org.kaifang.screening.ListRef;
import org.kaifang.screening.ReviewedHit;
import org.kaifang.screening.ScreeningResult;

/** What {@code /screening} shows: the form as entered, its errors (field → message key), and each name's result. */
public record ScreenView(
        String names,
        String asOf,
        Map<String, String> errors,
        List<Row> rows,
        ListRef list,
        Map<AlertStatus, Long> counts) {

    static ScreenView empty(String today, ListRef list, Map<AlertStatus, Long> counts) {
        return new ScreenView("", today, Map.of(), List.of(), list, counts);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public String group(String field) {
        return hasError(field) ? "field field--error" : "field";
    }

    public String describedBy(String field) {
        return hasError(field) ? field + "-hint " + field + "-error" : field + "-hint";
    }

    /** One screened name: its result and, for each hit an officer must look at, the alert that tracks it. */
    public record Row(ScreeningResult result, List<ReviewedHit> reviewed) {

        /** The alert for the hit on {@code entry}, if one was raised or remembered. */
        public ReviewedHit reviewOf(String entry) {
            return reviewed.stream()
                    .filter(r -> r.hit().entry().id().equals(entry))
                    .findFirst()
                    .orElse(null);
        }
    }
}
