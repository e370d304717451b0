package org.kaifang.whatif;

/** Where a what-if's subject comes from. */
enum SubjectKind {
    /** A licence or pilot approval in force (licensing). */
    HOLDER,
    /** A submitted application not yet decided or withdrawn (applications). */
    APPLICATION
}
