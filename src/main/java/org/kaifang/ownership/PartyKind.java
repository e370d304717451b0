package org.kaifang.ownership;

/** What kind of party holds or is held. */
public enum PartyKind {
    COMPANY,
    PERSON,
    STATE,
    FUND
}
