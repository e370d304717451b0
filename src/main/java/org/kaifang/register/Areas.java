package org.kaifang.register;

/**
 * Coverage areas as the register files them: nationwide ({@code CN}) or a province-level division. City-level coverage
 * (IDC is licensed per city) is counted under its province, so that one area filter finds every licence in it.
 */
final class Areas {

    static final String NATIONWIDE = "CN";

    private Areas() {}

    /** {@code CN} as it is, or the province-level code of a six-digit division code ({@code 310115} → {@code 310000}). */
    static String province(String code) {
        if (code.length() != 6) {
            return code;
        }
        return code.substring(0, 2) + "0000";
    }
}
