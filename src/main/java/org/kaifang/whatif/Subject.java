package org.kaifang.whatif;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kaifang.eligibility.RequestedService;

/**
 * One enterprise a what-if judges: a licence holder or the applicant of a pending application, with the facts the
 * eligibility engine needs (seat, declared zones, foreign equity) and the services it holds or asks for.
 *
 * @param ref the licence id or the application id
 * @param seat the division code of the registered seat
 * @param equityAssumed whether {@code foreignEquityPercent} is Kaifang's assumption rather than a stated figure (the
 *     register publishes that a holder is foreign-invested, not its share)
 */
record Subject(
        SubjectKind kind,
        String ref,
        String name,
        @Nullable String uscc,
        String seat,
        List<String> zones,
        BigDecimal foreignEquityPercent,
        boolean equityAssumed,
        List<RequestedService> services) {

    Subject {
        zones = List.copyOf(zones);
        services = List.copyOf(services);
    }
}
