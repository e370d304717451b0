package org.kaifang.calendar;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A stretch during which a clock stood still, e.g. while a correction request (补正) was outstanding. The day the
 * pause began still counts; the days after it, up to and including the day the clock resumed, do not; counting
 * resumes the day after {@code resumedOn}, as it starts the day after the start event.
 *
 * @param resumedOn {@code null} while the pause lasts
 */
public record Pause(LocalDate pausedOn, @Nullable LocalDate resumedOn, String reason) {

    /** Whether the pause has not ended. */
    public boolean open() {
        return resumedOn == null;
    }
}
