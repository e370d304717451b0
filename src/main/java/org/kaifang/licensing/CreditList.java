package org.kaifang.licensing;

/** The telecom credit lists kept and published under Order 42 art. 37. */
public enum CreditList {
    /** 电信业务经营不良名单. */
    BAD("电信业务经营不良名单", "bad list"),
    /** 电信业务经营失信名单. */
    DISHONEST("电信业务经营失信名单", "dishonest list");

    private final String zh;
    private final String en;

    CreditList(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
