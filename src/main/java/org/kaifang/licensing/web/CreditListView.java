package org.kaifang.licensing.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kaifang.licensing.CreditList;
import org.kaifang.licensing.CreditListEntry;
import org.kaifang.licensing.LicenceRefused;

/**
 * What {@code /credit-lists/{list}} shows the regulator's staff: the list's entries with the fields of MIIT's 2018
 * notice, those made by the annual-report sweep marked, and for a registrar the forms to add an entry and to take one
 * off, re-shown with their problems.
 *
 * @param automatic the ids of entries the annual-report sweep made
 * @param add what was typed into the form to add an entry
 * @param removing the entry whose removal form was refused, or {@code null}
 * @param removal what was typed into that removal form ({@code reason}, {@code removedOn})
 * @param done {@code added} or {@code removed} after a successful post, else {@code null}
 */
public record CreditListView(
        CreditList list,
        List<CreditListEntry> entries,
        Set<String> automatic,
        boolean registrar,
        Map<String, String> add,
        @Nullable String removing,
        Map<String, String> removal,
        @Nullable String done,
        List<LicenceRefused.Problem> problems) {

    /** The name in the path: {@code bad} or {@code dishonest}. */
    public String slug() {
        return list == CreditList.BAD ? "bad" : "dishonest";
    }

    public String added(String field) {
        return add.getOrDefault(field, "");
    }

    /** What was typed into {@code entry}'s removal form, if it was the one refused. */
    public String removal(String entry, String field) {
        return entry.equals(removing) ? removal.getOrDefault(field, "") : "";
    }

    /** The problem with {@code field} of the add form (or, with {@code entry}, of that entry's removal form). */
    public @Nullable String problem(@Nullable String entry, String field) {
        if (entry != null && !entry.equals(removing)) {
            return null;
        }
        if (entry == null && removing != null) {
            return null;
        }
        return problems.stream()
                .filter(p -> p.field().equals(field))
                .map(LicenceRefused.Problem::message)
                .findFirst()
                .orElse(null);
    }
}
