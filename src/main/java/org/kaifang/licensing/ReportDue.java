package org.kaifang.licensing;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An annual report a holder owes, or owed, on a licence: the year it covers, how far it has got, when it may be
 * submitted and by when (Order 42 art. 35; the deadline is Kaifang's assumption [I], see the rule pack).
 *
 * @param report the report as it stands, or {@code null} when nothing has been saved yet
 */
public record ReportDue(
        LicenceView licence, int year, @Nullable AnnualReport report, LocalDate opens, LocalDate deadline) {

    /** {@code MISSING} when nothing has been saved, else the report's status. */
    public String state() {
        return report == null ? "MISSING" : report.status().name();
    }
}
