package org.kaifang.licensing;

/** What happened to a licence. */
public enum LicenceChange {
    /** Issued in Kaifang on an approved application. */
    ISSUED,
    /** Taken over from an earlier register (or made up for the demo register), as it stood. */
    RECORDED,
    /** Amended on an approved {@code CHANGE} application. */
    AMENDED,
    /** Renewed on an approved {@code RENEWAL} application. */
    RENEWED,
    /** Reached the end of its validity. */
    EXPIRED,
    /** Not renewed in time: lapsed at expiry and cancelled (Order 42 art. 27). */
    LAPSED,
    REVOKED,
    WITHDRAWN,
    CANCELLED,
    INVALIDATED
}
