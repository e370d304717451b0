package org.kaifang.ownership;

/** Declared facts that give control beyond equity. */
public enum ControlKind {
    /** Contractual control, as in a variable-interest-entity (VIE) structure. */
    CONTRACTUAL,
    /** The right to appoint a majority of the board. */
    BOARD_MAJORITY,
    /** A golden share with decisive rights. */
    GOLDEN_SHARE
}
