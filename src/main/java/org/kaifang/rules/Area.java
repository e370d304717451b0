package org.kaifang.rules;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A special area with its own foreign-investment rules: a pilot area, the Hainan Free Trade Port, or the free trade
 * zones.
 *
 * @param divisions divisions that lie wholly inside the area
 * @param partly divisions that lie only partly inside the area
 * @param excluding divisions inside {@code divisions} that the area leaves out, e.g. Sansha from "the whole island
 *     of Hainan"
 * @param zones declared zones that lie wholly inside the area
 * @param extentConfidence how sure the pack is of the area's extent
 * @param extentNote how the extent was established
 * @param announced the date the area was announced, if earlier than {@code from}
 * @param from the first day the area's rules have effect
 * @param to the last day, or {@code null} while in force
 */
public record Area(
        String id,
        Bilingual name,
        AreaKind kind,
        List<String> divisions,
        List<String> partly,
        List<String> excluding,
        List<String> zones,
        Confidence extentConfidence,
        Bilingual extentNote,
        Citation citation,
        @Nullable LocalDate announced,
        LocalDate from,
        @Nullable LocalDate to) {

    public Area {
        divisions = List.copyOf(divisions);
        partly = List.copyOf(partly);
        excluding = List.copyOf(excluding);
        zones = List.copyOf(zones);
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }

    /**
     * Whether a place in {@code division}, declared to lie in {@code declaredZones} (already expanded by their
     * implications), lies in this area.
     */
    public Membership membership(String division, Collection<String> declaredZones) {
        for (var zone : declaredZones) {
            if (zones.contains(zone)) {
                return Membership.INSIDE;
            }
        }
        for (var d : excluding) {
            if (Divisions.isWithin(division, d)) {
                return Membership.OUTSIDE;
            }
        }
        for (var d : divisions) {
            if (Divisions.isWithin(division, d)) {
                for (var excluded : excluding) {
                    if (Divisions.isWithin(excluded, division)) {
                        return Membership.PARTLY;
                    }
                }
                return Membership.INSIDE;
            }
        }
        for (var d : divisions) {
            if (Divisions.isWithin(d, division)) {
                return Membership.PARTLY;
            }
        }
        for (var d : partly) {
            if (Divisions.isWithin(division, d) || Divisions.isWithin(d, division)) {
                return Membership.PARTLY;
            }
        }
        return Membership.OUTSIDE;
    }
}
