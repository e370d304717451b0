package org.kaifang.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * China's administrative divisions as the rule pack knows them: every province-level division, and every prefecture-
 * and county-level division under the prefixes the pack details (the pilot areas). A well-formed code under any
 * other mainland province is accepted by its province prefix.
 */
public final class Divisions {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

    private final Map<String, Division> listed;
    private final List<Division> provinces;
    private final List<String> detailedPrefixes;

    Divisions(List<Division> provinces, List<Division> detailed, List<String> detailedPrefixes) {
        var map = new LinkedHashMap<String, Division>();
        provinces.forEach(d -> map.put(d.code(), d));
        detailed.forEach(d -> map.put(d.code(), d));
        this.listed = java.util.Collections.unmodifiableMap(map);
        this.provinces = List.copyOf(provinces);
        this.detailedPrefixes = List.copyOf(detailedPrefixes);
    }

    /** The division with {@code code}, or why there is none. */
    public Lookup lookup(String code) {
        if (!SIX_DIGITS.matcher(code).matches()) {
            return new Lookup.Unknown("not a six-digit administrative division code");
        }
        var division = listed.get(code);
        if (division != null) {
            return new Lookup.Found(division);
        }
        var province = listed.get(code.substring(0, 2) + "0000");
        if (province == null) {
            return new Lookup.Unknown("no province-level division has the prefix " + code.substring(0, 2));
        }
        for (var prefix : detailedPrefixes) {
            if (code.startsWith(prefix)) {
                return new Lookup.Unknown(
                        "not a division code of " + province.name().en() + " (" + code + ")");
            }
        }
        if (code.substring(2, 4).equals("00") && !code.endsWith("0000")) {
            return new Lookup.Unknown("malformed division code: a county code needs a prefecture part");
        }
        var level = code.endsWith("00") ? Division.Level.PREFECTURE : Division.Level.COUNTY;
        var name = new Bilingual(
                province.name().zh() + "（" + code + "）", province.name().en() + " (" + code + ")");
        return new Lookup.Found(new Division(code, name, level, province.mainland(), false));
    }

    public Optional<Division> find(String code) {
        return lookup(code) instanceof Lookup.Found(var division) ? Optional.of(division) : Optional.empty();
    }

    /** Every province-level division, including those outside the mainland. */
    public List<Division> provinces() {
        return provinces;
    }

    /** Every listed division, provinces first. */
    public List<Division> listed() {
        return List.copyOf(listed.values());
    }

    /** Whether {@code code} equals {@code ancestor} or lies inside it, judged by the GB/T 2260 code hierarchy. */
    public static boolean isWithin(String code, String ancestor) {
        if (code.equals(ancestor)) {
            return true;
        }
        // Region comparisons instead of substrings: this runs several times per service in every determination.
        if (ancestor.endsWith("0000")) {
            return code.regionMatches(0, ancestor, 0, 2);
        }
        if (ancestor.endsWith("00")) {
            return code.regionMatches(0, ancestor, 0, 4);
        }
        return false;
    }

    /** The result of looking up a division code. */
    public sealed interface Lookup {
        record Found(Division division) implements Lookup {}

        record Unknown(String reason) implements Lookup {}
    }
}
