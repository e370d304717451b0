package org.kaifang.screening.web;

import java.util.Map;
import org.kaifang.screening.ScreeningAlert;

/**
 * What {@code /screening/reviews/{id}} shows: the alert with its history, and the decision form as entered with its
 * errors (field → message key).
 *
 * @param saved whether a decision was just recorded
 */
public record AlertView(
        ScreeningAlert alert, String decision, String reason, Map<String, String> errors, boolean saved) {

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public String group(String field) {
        return hasError(field) ? "field field--error" : "field";
    }
}
