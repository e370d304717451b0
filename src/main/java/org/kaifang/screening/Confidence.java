package org.kaifang.screening;

/** How well a fact in the list data is supported, with the marks of the project's domain brief. */
public enum Confidence {
    /** Seen in a primary text or in two or more independent sources. */
    V,
    /** One secondary source. */
    S,
    /** Inferred from the evidence given. */
    I,
    /** From memory of the text, not re-read: check before relying on it. */
    M
}
