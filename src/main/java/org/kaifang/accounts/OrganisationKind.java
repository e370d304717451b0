package org.kaifang.accounts;

/** Who an organisation is in the licensing process. */
public enum OrganisationKind {
    /** A company that applies for licences: the applicant. */
    COMPANY,
    /** A licensing authority: MIIT or a provincial communications administration. */
    REGULATOR
}
