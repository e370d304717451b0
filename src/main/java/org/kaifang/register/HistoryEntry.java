package org.kaifang.register;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.kaifang.licensing.LicenceChange;
import org.kaifang.licensing.LicenceView;

/** One version of a licence in the register: what changed, who changed it, when, why, and the licence after it. */
public record HistoryEntry(
        long version,
        LicenceChange change,
        String actor,
        Instant at,
        @Nullable String reason,
        LicenceView licence) {}
