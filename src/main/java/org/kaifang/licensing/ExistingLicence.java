package org.kaifang.licensing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A licence issued outside Kaifang, taken over as it stands: from an earlier register, or made up for the demo register
 * ({@code synthetic}). Recording one publishes {@link LicenceChanged} with {@link LicenceChange#RECORDED}. Its number is
 * kept as given (and must be unique); pilot approvals known only from the news carry none.
 */
public record ExistingLicence(
        LicenceKind kind,
        @Nullable String number,
        String holder,
        @Nullable String holderEn,
        @Nullable String uscc,
        @Nullable String legalRepresentative,
        @Nullable BigDecimal registeredCapitalCny,
        String authority,
        boolean foreignInvested,
        boolean pilot,
        @Nullable String pilotArea,
        List<LicensedService> services,
        LocalDate issuedOn,
        LocalDate validFrom,
        @Nullable LocalDate validUntil,
        LicenceStatus status,
        List<String> conditions,
        @Nullable Termination termination,
        boolean synthetic,
        @Nullable String source) {

    public ExistingLicence {
        services = List.copyOf(services);
        conditions = List.copyOf(conditions);
    }
}
