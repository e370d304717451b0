package org.kaifang.screening;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One recorded step in an alert's review: raised, confirmed or dismissed, by whom, when and why. Actions are appended,
 * never changed.
 */
public record ReviewAction(
        Instant at, String officer, Kind kind, @Nullable String reason) {

    public enum Kind {
        RAISED,
        CONFIRMED,
        DISMISSED
    }
}
