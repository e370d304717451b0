package org.kaifang.eligibility;

/** Kinds of information-service (B25) content that need a sector regulator's prior approval. */
public enum ContentType {
    NEWS,
    PUBLISHING,
    AUDIOVISUAL,
    CULTURE,
    MEDICAL
}
