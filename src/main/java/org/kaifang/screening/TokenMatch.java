package org.kaifang.screening;

import org.jspecify.annotations.Nullable;

/**
 * How one part of the screened name met one part of a listed name: which tokens, how they were compared, what they
 * scored and how much they weighed. An unmatched token has a null counterpart and a score of zero.
 */
public record TokenMatch(@Nullable String query, @Nullable String listed, How how, double score, double weight) {

    /** How two tokens or names were found to agree. */
    public enum How {
        /** Identical after normalisation. */
        EXACT("相同", "identical"),
        /** Both legal forms (Inc., Corp., 有限公司…), which say little about identity. */
        LEGAL_FORM("法律形式", "legal form"),
        /** One or two letters differ, or two neighbouring letters are swapped. */
        TYPO("拼写近似", "spelling variant"),
        /** Different romanisations of the same Chinese syllable (Wade-Giles and pinyin). */
        ROMANISATION("拼音/威妥玛拼法等同", "Wade-Giles/pinyin equivalent"),
        /** A single letter standing for a word. */
        INITIAL("首字母", "initial"),
        /** The words run together, as in "IronMountain" for "Iron Mountain". */
        RUN_TOGETHER("连写", "words run together"),
        /** Chinese characters compared one by one after traditional → simplified conversion. */
        CHARACTERS("汉字比对", "Chinese characters"),
        /** Chinese characters that differ but sound the same in pinyin. */
        HOMOPHONE("同音字", "same pinyin"),
        /** Nothing on the other side matched. */
        UNMATCHED("未匹配", "unmatched");

        private final String zh;
        private final String en;

        How(String zh, String en) {
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
}
