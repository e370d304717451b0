package org.kaifang.screening;

/** Where a listing stands on a given date. The constant names are fixed by the API contract. */
public enum ListingStatus {
    /** In force. */
    ACTIVE,
    /** Listed, but its measures are suspended for a window that covers the date. */
    SUSPENDED,
    /** Delisted, or its measures stopped, on or before the date. */
    ENDED,
    /** Announced with effect after the date. */
    NOT_YET;

    /** Whether a hit on a listing in this status can make a match: ended and future listings cannot. */
    public boolean counts() {
        return this == ACTIVE || this == SUSPENDED;
    }
}
