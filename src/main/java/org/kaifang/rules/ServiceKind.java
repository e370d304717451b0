package org.kaifang.rules;

/** The two families of telecom services in the classification catalogue. */
public enum ServiceKind {
    /** Category A: basic telecom services (基础电信业务). */
    BASIC,
    /** Category B: value-added telecom services (增值电信业务). */
    VALUE_ADDED
}
