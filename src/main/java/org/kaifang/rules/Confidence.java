package org.kaifang.rules;

/**
 * How sure the rule pack is of a fact, using the marks of the domain brief.
 *
 * <p>Kaifang's policy: {@link #V} and {@link #S} facts decide outcomes ({@link #S} findings say that the source is a
 * single secondary one); {@link #I} and {@link #M} facts never decide alone: a rule that rests on one refers the case
 * to an officer.
 */
public enum Confidence {
    /** Seen in a primary text, or in two or more independent sources. */
    V,
    /** From one secondary source. */
    S,
    /** Inferred from the evidence. */
    I,
    /** From memory of the text, not re-read. */
    M;

    /** Whether a rule may decide on a fact of this confidence without referring it to an officer. */
    public boolean decides() {
        return this == V || this == S;
    }

    /** The weaker of two confidences. */
    public Confidence weakest(Confidence other) {
        return ordinal() >= other.ordinal() ? this : other;
    }
}
