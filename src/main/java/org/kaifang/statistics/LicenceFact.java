package org.kaifang.statistics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kaifang.licensing.LicenceKind;
import org.kaifang.licensing.LicenceView;

/**
 * What the statistics keep of a licence or pilot approval: who holds it, what kind, where and when it was in force,
 * and its services as {@code code[/item]@area} (areas at province level, or {@code CN}).
 *
 * @param endedOn the first day it was no longer in force; {@code null} while in force
 */
record LicenceFact(
        String id,
        long version,
        String holderKey,
        LicenceKind kind,
        boolean foreignInvested,
        boolean pilot,
        @Nullable String pilotArea,
        String authority,
        LocalDate issuedOn,
        @Nullable LocalDate endedOn,
        String status,
        boolean organisation,
        boolean synthetic,
        List<String> services) {

    /** The month key of a licence still in force. */
    static final String OPEN = "9999-12";

    LicenceFact {
        services = List.copyOf(services);
    }

    static LicenceFact of(LicenceView v) {
        var services = new ArrayList<String>();
        for (var s : v.services()) {
            var areas = new LinkedHashSet<String>();
            s.coverage().forEach(c -> areas.add(province(c)));
            for (var area : areas) {
                services.add(s.key() + "@" + area);
            }
        }
        LocalDate ended = null;
        if (!v.status().inForce()) {
            // Terminations are dated; an expiry recorded without one ended the day after its last valid day.
            ended = v.termination() != null
                    ? v.termination().on()
                    : v.validUntil() != null ? v.validUntil().plusDays(1) : v.issuedOn();
        }
        return new LicenceFact(
                v.id().value(),
                v.version(),
                holderKey(v.uscc(), v.holder()),
                v.kind(),
                v.foreignInvested(),
                v.pilot(),
                v.pilotArea(),
                v.authority(),
                v.issuedOn(),
                ended,
                v.status().name(),
                v.organisation() != null,
                v.synthetic(),
                services);
    }

    /** One enterprise, however many licences it holds: by its USCC, or by its registered name without one. */
    static String holderKey(@Nullable String uscc, String holder) {
        return uscc != null && !uscc.isBlank() ? "uscc:" + uscc.strip() : "name:" + holder.strip();
    }

    /** {@code CN}, or the province-level division of a division code ({@code 440100} is in {@code 440000}). */
    static String province(String area) {
        if (area.length() == 6 && area.chars().allMatch(Character::isDigit)) {
            return area.substring(0, 2) + "0000";
        }
        return area;
    }

    /** Whether it was in force at the end of {@code day}. */
    boolean inForceOn(LocalDate day) {
        return !issuedOn.isAfter(day) && (endedOn == null || endedOn.isAfter(day));
    }

    /** The counters this licence adds one to. */
    List<TallyKey> tallies() {
        var keys = new LinkedHashSet<String>();
        keys.add("all\u0000all");
        keys.add("authority\u0000" + authority);
        keys.add("kind\u0000" + kind.name());
        if (synthetic) {
            // Counted so that a dashboard can say it shows made-up demo data without reading every licence.
            keys.add("synthetic\u0000true");
        }
        for (var s : services) {
            var at = s.indexOf('@');
            var key = s.substring(0, at);
            var slash = key.indexOf('/');
            keys.add("service\u0000" + (slash < 0 ? key : key.substring(0, slash)));
            if (slash >= 0) {
                keys.add("item\u0000" + key);
            }
            keys.add("area\u0000" + s.substring(at + 1));
            if (kind == LicenceKind.PILOT_APPROVAL) {
                keys.add("pilot-service\u0000" + key);
            }
        }
        if (kind == LicenceKind.PILOT_APPROVAL) {
            keys.add("pilot-area\u0000" + (pilotArea == null ? "unknown" : pilotArea));
            keys.add("pilot-batch\u0000" + issuedOn);
        }
        var issued = YearMonth.from(issuedOn).toString();
        var ended = endedOn == null ? OPEN : YearMonth.from(endedOn).toString();
        var tallies = new ArrayList<TallyKey>();
        for (var k : keys) {
            var parts = k.split("\u0000", 2);
            tallies.add(new TallyKey(parts[0], truncate(parts[1]), issued, ended, foreignInvested));
        }
        return tallies;
    }

    private static String truncate(String key) {
        return key.length() <= 64 ? key : key.substring(0, 64);
    }

    static Set<String> dimensions() {
        return Set.of(
                "all", "authority", "kind", "service", "item", "area", "pilot-service", "pilot-area", "pilot-batch");
    }

    /** One counter: a dimension's value, among licences issued in one month and ended in another (or still open). */
    record TallyKey(String dimension, String key, String issuedMonth, String endedMonth, boolean foreignInvested) {}
}
