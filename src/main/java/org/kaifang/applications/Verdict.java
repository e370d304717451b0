package org.kaifang.applications;

/** What a case officer recommends and what an approver decides. */
public enum Verdict {
    APPROVE,
    REFUSE
}
