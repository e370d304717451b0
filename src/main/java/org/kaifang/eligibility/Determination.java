package org.kaifang.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kaifang.ownership.OwnershipAnalysis;
import org.kaifang.rules.Bilingual;
import org.kaifang.rules.RulePackRef;

/**
 * The engine's answer to a {@link DeterminationRequest}: an outcome per service and overall, the authority and scope,
 * and every finding with the provision it applied.
 *
 * @param overall {@link Outcome#NOT_PERMITTED} when any applicant-level finding or any service is; else
 *     {@link Outcome#REFER} when any is; else {@link Outcome#PERMITTED}
 * @param foreignEquityPercent the figure judged
 * @param findings applicant-level findings
 * @param hints what would change a negative or referred outcome at applicant level
 * @param ownership the analysis of the ownership structure the request gave, with every measure and its paths
 * @param screening the restricted-party screening the findings were drawn from, with the list version it used
 */
public record Determination(
        LocalDate asOf,
        RulePackRef rulePack,
        Outcome overall,
        Authority authority,
        LicenceScope licenceScope,
        BigDecimal foreignEquityPercent,
        List<Finding> findings,
        List<ServiceDetermination> services,
        List<Bilingual> hints,
        @Nullable OwnershipAnalysis ownership,
        @Nullable PartyScreening screening) {

    public Determination {
        findings = List.copyOf(findings);
        services = List.copyOf(services);
        hints = List.copyOf(hints);
    }

    /** A determination drawn without a restricted-party screening. */
    public Determination(
            LocalDate asOf,
            RulePackRef rulePack,
            Outcome overall,
            Authority authority,
            LicenceScope licenceScope,
            BigDecimal foreignEquityPercent,
            List<Finding> findings,
            List<ServiceDetermination> services,
            List<Bilingual> hints,
            @Nullable OwnershipAnalysis ownership) {
        this(
                asOf,
                rulePack,
                overall,
                authority,
                licenceScope,
                foreignEquityPercent,
                findings,
                services,
                hints,
                ownership,
                null);
    }
}
