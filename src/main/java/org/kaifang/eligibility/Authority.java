package org.kaifang.eligibility;

import org.kaifang.rules.Bilingual;

/**
 * The licensing authority: {@code MIIT}, or {@code CA-} and a province code for a provincial communications
 * administration.
 */
public record Authority(String code, Bilingual name) {

    public static final Authority MIIT =
            new Authority("MIIT", new Bilingual("工业和信息化部", "Ministry of Industry and Information Technology"));
}
