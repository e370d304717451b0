package org.kaifang.rules;

/** The kinds of special area the rule pack knows. */
public enum AreaKind {
    /** A pilot area of MIIT's 2024 VAS opening-up pilot (工信部通信函〔2024〕107号). */
    VAS_PILOT,
    /** The Hainan Free Trade Port, with its own negative list. */
    FREE_TRADE_PORT,
    /** China's pilot free trade zones, with their own negative list. */
    FREE_TRADE_ZONE
}
