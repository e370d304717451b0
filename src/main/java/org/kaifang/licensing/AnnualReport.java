package org.kaifang.licensing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A licence holder's annual report (年报) on {@code year}, filed in the first quarter of the next year (Order 42 art.
 * 35). Only {@link AnnualReportForm#publicItems()} may be shown to anyone but the holder and the regulator.
 */
public record AnnualReport(
        LicenceId licence,
        int year,
        Status status,
        AnnualReportForm form,
        Instant savedAt,
        String savedBy,
        @Nullable Instant submittedAt,
        @Nullable Instant confirmedAt,
        @Nullable String confirmedBy) {

    public enum Status {
        /** Saved, not yet submitted; the holder may change it. */
        DRAFT,
        /** Submitted complete, with the commitment. */
        SUBMITTED,
        /** Confirmed by a registrar (which takes a late filer off the bad list, art. 38). */
        CONFIRMED
    }
}
