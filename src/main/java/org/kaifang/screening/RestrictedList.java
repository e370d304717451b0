package org.kaifang.screening;

/** The Chinese restricted-party lists Kaifang screens against. The constant names are fixed by the API contract. */
public enum RestrictedList {
    /** 不可靠实体清单, kept by MOFCOM's working mechanism. */
    UEL("不可靠实体清单", "Unreliable Entity List"),
    /** 出口管制管控名单: exports of dual-use items to listed parties are prohibited. */
    EXPORT_CONTROL("出口管制管控名单", "Export control control list"),
    /** 出口管制关注名单: exporters must take extra care; not a prohibition by itself. */
    EXPORT_CONTROL_WATCH("出口管制关注名单", "Export control watch list"),
    /** 反制清单: MFA counter-measures under the Anti-Foreign Sanctions Law. */
    COUNTERMEASURE("反制清单", "Counter-measures list");

    private final String zh;
    private final String en;

    RestrictedList(String zh, String en) {
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
