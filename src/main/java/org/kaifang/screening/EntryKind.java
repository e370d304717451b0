package org.kaifang.screening;

/** What a list entry is. */
public enum EntryKind {
    COMPANY,
    ORGANISATION,
    PERSON;
}
