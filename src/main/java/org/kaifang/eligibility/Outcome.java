package org.kaifang.eligibility;

/** What a rule, a service or a whole determination concludes. */
public enum Outcome {
    /** Every rule is met, possibly on conditions. */
    PERMITTED,
    /** An officer must judge: a fact cannot be verified from the data given, or the law is not certain enough. */
    REFER,
    /** A rule forbids it. */
    NOT_PERMITTED;

    /** The more adverse of two outcomes. */
    public Outcome and(Outcome other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
