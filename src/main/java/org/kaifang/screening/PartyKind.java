package org.kaifang.screening;

/** What kind of party is screened: a hint from the caller. The constant names are fixed by the API contract. */
public enum PartyKind {
    COMPANY,
    PERSON,
    STATE,
    FUND
}
