package org.kaifang.licensing;

/**
 * A licence's status, with the codes of MIIT's licence-query front end (telecom-vas-brief §4.5, marked S there).
 */
public enum LicenceStatus {
    NORMAL(1, "正常", "normal"),
    EXPIRED(-102, "过期", "expired"),
    /** Revoked for defects in the grant (撤销), Order 42 chapter 6. */
    REVOKED(-103, "撤销", "revoked"),
    INVALID(-104, "无效", "invalid"),
    /** Withdrawn as a penalty (吊销). */
    WITHDRAWN(-105, "吊销", "withdrawn"),
    /** Cancelled (注销), e.g. on the holder's request or after a lapse. */
    CANCELLED(-106, "注销", "cancelled");

    private final int code;
    private final String zh;
    private final String en;

    LicenceStatus(int code, String zh, String en) {
        this.code = code;
        this.zh = zh;
        this.en = en;
    }

    /** The MIIT front end's numeric code. */
    public int code() {
        return code;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** Whether the licence may be used. */
    public boolean inForce() {
        return this == NORMAL;
    }
}
