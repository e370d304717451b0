package org.kaifang.screening;

/** What a listing bars. A listing carries the measures its announcement imposed, which may be none yet. */
public enum Measure {
    /** New investment in China is prohibited (UEL). */
    NO_NEW_INVESTMENT("禁止在中国境内新增投资", "no new investment in China"),
    /** Import and export activities related to China are prohibited (UEL). */
    NO_TRADE("禁止从事与中国有关的进出口活动", "no import or export activities related to China"),
    /** Imports of named goods from the party are prohibited (e.g. Illumina's gene sequencers, 2025-03-04). */
    NO_IMPORT("禁止特定物项进口", "no imports of specified goods"),
    /** Exports of dual-use items to the party are prohibited (export-control list). */
    NO_DUAL_USE_EXPORT("禁止向其出口两用物项", "no exports of dual-use items"),
    /** Domestic organisations and individuals may not transact with the party or give it data (UEL, since 2025-10-09). */
    NO_DOMESTIC_TRANSACTIONS("境内组织和个人不得与其进行交易、提供数据", "no transactions with, or data to, the party by domestic parties"),
    /** Entry into China is refused and visas are cancelled (counter-measures on persons). */
    NO_ENTRY("禁止入境", "no entry into China"),
    /** Property in China is frozen (counter-measures). */
    ASSETS_FROZEN("查封、扣押、冻结在中国境内的财产", "property in China frozen");

    private final String zh;
    private final String en;

    Measure(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** Whether the measure bars a foreign investor from investing, which decides eligibility. */
    public boolean barsInvestment() {
        return this == NO_NEW_INVESTMENT;
    }
}
