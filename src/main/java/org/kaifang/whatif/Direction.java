package org.kaifang.whatif;

import org.kaifang.eligibility.Outcome;

/** Which way a service's outcome moves from the current pack to the candidate. */
enum Direction {
    /** The candidate's outcome is better: NOT_PERMITTED to REFER or PERMITTED, or REFER to PERMITTED. */
    GAIN,
    /** The candidate's outcome is worse. */
    LOSS;

    /** The direction from {@code current} to {@code candidate}; {@code null} when the outcome does not change. */
    static @org.jspecify.annotations.Nullable Direction of(Outcome current, Outcome candidate) {
        var c = candidate.ordinal() - current.ordinal();
        return c < 0 ? GAIN : c > 0 ? LOSS : null;
    }
}
