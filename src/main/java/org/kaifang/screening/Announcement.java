package org.kaifang.screening;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One published action on a list: its number when known (e.g. 不可靠实体清单工作机制公告〔2025〕7号), its date, the
 * measures it imposed, and what later suspended or ended them.
 *
 * @param measuresConfidence how well the set of measures is supported, which may be less than the listing itself
 */
public record Announcement(
        String id,
        RestrictedList list,
        @Nullable String number,
        Explanation title,
        LocalDate date,
        Source source,
        Set<Measure> measures,
        Confidence measuresConfidence,
        List<SuspensionWindow> suspensions,
        @Nullable Delisting ended) {

    public Announcement {
        measures = Set.copyOf(measures);
        suspensions = List.copyOf(suspensions);
        if (id.isBlank()) {
            throw new IllegalArgumentException("An announcement needs an id");
        }
    }
}
