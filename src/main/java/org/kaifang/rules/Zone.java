package org.kaifang.rules;

import java.util.List;

/**
 * A special area that division codes cannot show, declared by the applicant, e.g. {@code CN-SH-LINGANG} for the
 * parts of the Lin-gang Special Area outside Pudong.
 *
 * @param divisions the divisions the zone lies in, wholly or partly; empty when it may lie anywhere on the mainland
 * @param implies other zones that every place in this zone is also in
 */
public record Zone(
        String id,
        Bilingual name,
        List<String> divisions,
        List<String> implies,
        Citation citation,
        Confidence confidence) {

    public Zone {
        divisions = List.copyOf(divisions);
        implies = List.copyOf(implies);
    }

    /** Whether a seat in {@code division} could lie in this zone. */
    public boolean couldContain(String division) {
        return divisions.isEmpty()
                || divisions.stream().anyMatch(d -> Divisions.isWithin(division, d) || Divisions.isWithin(d, division));
    }
}
