package org.kaifang.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Validated facts to judge: who the applicant is, how much of it is foreign-owned, and which services it wants to
 * offer, as of a legal date. Build one with {@link RequestReader}, which checks every field.
 *
 * @param foreignEquityPercent total foreign equity, 0–100, given or computed from the ownership structure
 */
public record DeterminationRequest(
        LocalDate asOf, Applicant applicant, BigDecimal foreignEquityPercent, List<RequestedService> services) {

    public DeterminationRequest {
        services = List.copyOf(services);
    }

    public boolean foreignInvested() {
        return foreignEquityPercent.signum() > 0;
    }
}
