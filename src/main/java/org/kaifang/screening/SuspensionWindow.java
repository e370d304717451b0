package org.kaifang.screening;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A period in which a listing's measures are suspended: from {@code from} inclusive until {@code until} exclusive, or
 * open-ended when {@code until} is null. The 90-day suspensions of 2025-05-14 are the model.
 */
public record SuspensionWindow(LocalDate from, @Nullable LocalDate until, Source source) {

    public SuspensionWindow {
        if (until != null && !until.isAfter(from)) {
            throw new IllegalArgumentException("A suspension must end after it starts: " + from + " – " + until);
        }
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && (until == null || date.isBefore(until));
    }
}
