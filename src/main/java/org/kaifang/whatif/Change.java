package org.kaifang.whatif;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.kaifang.eligibility.Outcome;
import org.kaifang.eligibility.RequestedService;

/**
 * One service of one subject whose outcome differs between the current pack and the candidate.
 *
 * @param area the province-level division of the subject's seat, by which the report groups
 * @param currentRule the rule that decided the service under the current pack
 * @param candidateRule the rule that decided it under the candidate
 */
record Change(
        Subject subject,
        RequestedService service,
        String area,
        Direction direction,
        Outcome current,
        Outcome candidate,
        String currentRule,
        String candidateRule,
        @Nullable BigDecimal currentCap,
        @Nullable BigDecimal candidateCap) {

    String serviceKey() {
        return service.key();
    }
}
