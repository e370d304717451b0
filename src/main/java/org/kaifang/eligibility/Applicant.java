package org.kaifang.eligibility;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The company that would hold the licence.
 *
 * @param seat the division code of the registered seat
 * @param zones declared special zones the seat lies in, including those they imply
 * @param registeredCapitalCny registered capital in yuan, if known
 */
public record Applicant(
        String name,
        @Nullable String uscc,
        String seat,
        List<String> zones,
        @Nullable BigDecimal registeredCapitalCny,
        Set<CreditStatus> creditStatus) {

    public Applicant {
        zones = List.copyOf(zones);
        creditStatus = Set.copyOf(creditStatus);
    }
}
