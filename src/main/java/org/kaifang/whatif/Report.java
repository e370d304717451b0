package org.kaifang.whatif;

import java.util.List;

/**
 * What a run found: gains and losses by service and area, with counts.
 *
 * @param groups one row per service, area, direction and pair of outcomes
 */
record Report(Run run, List<Group> groups) {

    /** Services gained or lost in one area, from one outcome to another. */
    record Group(String service, String area, Direction direction, String current, String candidate, long count) {}

    long total(Direction direction) {
        return groups.stream()
                .filter(g -> g.direction() == direction)
                .mapToLong(Group::count)
                .sum();
    }
}
