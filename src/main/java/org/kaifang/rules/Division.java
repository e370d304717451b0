package org.kaifang.rules;

/**
 * An administrative division (GB/T 2260) at county level or above.
 *
 * @param code the six-digit code
 * @param level province, prefecture or county
 * @param mainland whether the division lies in mainland China, where Chinese telecom licences apply
 * @param listed whether the pack lists this exact code; a division that is not listed is accepted only as a
 *     well-formed code of a known province outside the areas the pack details
 */
public record Division(String code, Bilingual name, Level level, boolean mainland, boolean listed) {

    public enum Level {
        PROVINCE,
        PREFECTURE,
        COUNTY
    }

    /** The code of the province-level division this one lies in. */
    public String provinceCode() {
        return code.substring(0, 2) + "0000";
    }

    /** Whether this division is {@code other} or lies inside it. */
    public boolean isWithin(String other) {
        return Divisions.isWithin(code, other);
    }
}
