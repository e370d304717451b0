package org.kaifang.screening;

/** The outcome of screening one party. The constant names are fixed by the API contract. */
public enum Outcome {
    /** No hit that counts: nothing at or above the possible-match threshold on a listing in force or suspended. */
    CLEAR,
    /** A hit between the two thresholds: an officer must look. */
    POSSIBLE_MATCH,
    /** A hit at or above the match threshold on a listing that is active or suspended on the date. */
    MATCH
}
