package org.kaifang.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kaifang.ownership.OwnershipAnalysis;

/**
 * Validated facts to judge: who the applicant is, how much of it is foreign-owned, and which services it wants to
 * offer, as of a legal date. Build one with {@link RequestReader}, which checks every field.
 *
 * @param foreignEquityPercent total foreign equity, 0–100, given or computed from the ownership structure
 * @param ownership the analysis of the ownership structure, when the request gave one instead of a figure
 * @param screening the restricted-party screening of the applicant and its structure's parties; {@code null} when the
 *     request was read without a screening, and then the determination says nothing about restricted parties
 */
public record DeterminationRequest(
        LocalDate asOf,
        Applicant applicant,
        BigDecimal foreignEquityPercent,
        List<RequestedService> services,
        @Nullable OwnershipAnalysis ownership,
        @Nullable PartyScreening screening) {

    public DeterminationRequest {
        services = List.copyOf(services);
    }

    /** A request that states its foreign equity as one figure, without a structure. */
    public DeterminationRequest(
            LocalDate asOf, Applicant applicant, BigDecimal foreignEquityPercent, List<RequestedService> services) {
        this(asOf, applicant, foreignEquityPercent, services, null, null);
    }

    /** A request with an ownership structure, not screened. */
    public DeterminationRequest(
            LocalDate asOf,
            Applicant applicant,
            BigDecimal foreignEquityPercent,
            List<RequestedService> services,
            @Nullable OwnershipAnalysis ownership) {
        this(asOf, applicant, foreignEquityPercent, services, ownership, null);
    }

    /** The same request judged at another foreign-equity figure. */
    DeterminationRequest withEquity(BigDecimal equity) {
        return new DeterminationRequest(asOf, applicant, equity, services, ownership, screening);
    }

    public boolean foreignInvested() {
        return foreignEquityPercent.signum() > 0;
    }
}
