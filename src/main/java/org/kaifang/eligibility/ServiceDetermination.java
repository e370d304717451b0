package org.kaifang.eligibility;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kaifang.rules.Bilingual;

/**
 * The outcome for one requested service.
 *
 * @param name the service's (or item's) name in the catalogue
 * @param foreignEquityCapPercent the cap that applies to this service for this applicant on the date; {@code null}
 *     when no cap applies
 * @param decidedBy the rule whose provision decided the outcome
 * @param conditions what the applicant must still satisfy
 * @param hints what would change a negative or referred outcome
 */
public record ServiceDetermination(
        String code,
        @Nullable String item,
        Bilingual name,
        Outcome outcome,
        @Nullable BigDecimal foreignEquityCapPercent,
        String decidedBy,
        List<Bilingual> conditions,
        List<Finding> findings,
        List<Bilingual> hints) {

    public ServiceDetermination {
        conditions = List.copyOf(conditions);
        findings = List.copyOf(findings);
        hints = List.copyOf(hints);
    }
}
