package org.kaifang.eligibility;

/** The telecom credit lists kept under Order 42 art. 37. */
public enum CreditStatus {
    /** 电信业务经营不良名单. */
    BAD_LIST,
    /** 电信业务经营失信名单. */
    DISHONEST_LIST
}
