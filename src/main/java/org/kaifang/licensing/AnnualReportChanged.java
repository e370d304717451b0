package org.kaifang.licensing;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Published, in the transaction that stores it, whenever an annual report (年报) is saved, submitted or confirmed. It
 * says where the report stands, not what it says: the report's items stay with the licensing module.
 *
 * @param submittedAt when the holder submitted it; {@code null} for a draft
 * @param confirmedAt when a registrar confirmed it; {@code null} until then
 */
public record AnnualReportChanged(
        LicenceId licence,
        int year,
        AnnualReport.Status status,
        @Nullable Instant submittedAt,
        @Nullable Instant confirmedAt,
        Instant at) {}
