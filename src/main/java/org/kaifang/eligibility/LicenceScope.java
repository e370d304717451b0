package org.kaifang.eligibility;

/** Whether a licence covers one province or more. */
public enum LicenceScope {
    /** Coverage in two or more provinces, or nationwide: a licence from MIIT. */
    CROSS_REGIONAL,
    /** Coverage in one province. */
    PROVINCIAL
}
