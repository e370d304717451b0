package org.kaifang.licensing;

/** What was issued. */
public enum LicenceKind {
    /** A telecom business operating licence (电信业务经营许可证). */
    LICENCE,
    /** An approval under the 2024 opening-up pilot (试点批复), carrying its pilot conditions. */
    PILOT_APPROVAL
}
