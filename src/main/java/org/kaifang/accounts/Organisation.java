package org.kaifang.accounts;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * An organisation whose users sign in to Kaifang: an applicant company, or a licensing authority.
 *
 * @param name the registered name, usually in Chinese, e.g. {@code 上海市通信管理局}
 * @param englishName the English name, where there is one
 * @param uscc the company's credit code; a company may be registered before it has one, the regulator has none here
 */
public record Organisation(
        OrganisationId id,
        String name,
        @Nullable String englishName,
        OrganisationKind kind,
        @Nullable Uscc uscc) implements Serializable {

    /** The name to show on a page in {@code lang} ({@code zh} or {@code en}). */
    public String nameIn(String lang) {
        return "en".equals(lang) && englishName != null ? englishName : name;
    }

    public boolean isRegulator() {
        return kind == OrganisationKind.REGULATOR;
    }
}
