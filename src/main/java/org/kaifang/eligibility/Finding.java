package org.kaifang.eligibility;

import org.jspecify.annotations.Nullable;
import org.kaifang.rules.Bilingual;
import org.kaifang.rules.Citation;
import org.kaifang.rules.Confidence;
import org.kaifang.rules.DatedValue;
import org.kaifang.rules.MessageTemplate;

/**
 * What one rule concluded about the request.
 *
 * @param rule the rule's stable id, e.g. {@code equity.national-cap}
 * @param outcome the rule's own conclusion
 * @param message a bilingual explanation
 * @param citation the provision applied
 * @param confidence how sure the rule pack is of the provision as applied
 * @param overriddenBy the rule whose more specific provision displaces this one, e.g. the pilot lifting the national
 *     cap; {@code null} when this finding stands
 */
public record Finding(
        String rule,
        Outcome outcome,
        Bilingual message,
        Citation citation,
        Confidence confidence,
        @Nullable String overriddenBy) {

    private static final MessageTemplate WITH_NOTE =
            MessageTemplate.of(new Bilingual("{message}（{note}）", "{message} ({note})"));

    /** A standing finding that applied {@code value}, its message followed by the value's note when it has one. */
    static Finding of(String rule, Outcome outcome, Bilingual message, DatedValue value) {
        var text = value.note() == null ? message : WITH_NOTE.fill("message", message, "note", value.note());
        return new Finding(rule, outcome, text, value.citation(), value.confidence(), null);
    }

    public Finding overriddenBy(String rule) {
        return new Finding(this.rule, outcome, message, citation, confidence, rule);
    }

    public boolean stands() {
        return overriddenBy == null;
    }
}
