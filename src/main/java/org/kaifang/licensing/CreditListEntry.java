package org.kaifang.licensing;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One entry on a credit list, with the fields of MIIT's 2018 notice on the bad and dishonest lists: operator name,
 * unified social credit code, licence number, date, reason and listing authority; and, once removed, when and why.
 */
public record CreditListEntry(
        String id,
        CreditList list,
        String operator,
        @Nullable String uscc,
        @Nullable String licenceNumber,
        LocalDate listedOn,
        String reason,
        String authority,
        @Nullable LocalDate removedOn,
        @Nullable String removalReason,
        boolean synthetic) {

    /** Whether the entry is on the list on {@code date}. */
    public boolean listedOn(LocalDate date) {
        return !date.isBefore(listedOn) && (removedOn == null || date.isBefore(removedOn));
    }
}
