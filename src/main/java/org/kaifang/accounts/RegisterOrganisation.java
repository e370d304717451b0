package org.kaifang.accounts;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Registers an organisation.
 *
 * @param name the registered name, 1 to 200 characters
 * @param englishName an English name, or {@code null}
 * @param uscc the credit code of a company, or {@code null}; the regulator has none
 */
public record RegisterOrganisation(
        String name,
        @Nullable String englishName,
        OrganisationKind kind,
        @Nullable String uscc) {

    static final int MAX_NAME = 200;

    /** Everything wrong with this request, each as a sentence; empty when it may be carried out. */
    List<String> problems() {
        var problems = new ArrayList<String>();
        checkName("Name", name, problems);
        if (englishName != null) {
            checkName("English name", englishName, problems);
        }
        if (uscc != null) {
            if (kind == OrganisationKind.REGULATOR) {
                problems.add("A regulator has no USCC here: leave it out");
            } else {
                var problem = Uscc.problem(uscc);
                if (problem != null) {
                    problems.add("USCC '" + uscc.strip() + "' " + problem);
                }
            }
        }
        return problems;
    }

    private static void checkName(String field, String value, List<String> problems) {
        var text = value.strip();
        if (text.isEmpty()) {
            problems.add(field + " must not be blank");
        } else if (text.length() > MAX_NAME) {
            problems.add(field + " must have at most " + MAX_NAME + " characters, not " + text.length());
        } else if (text.chars().anyMatch(Character::isISOControl)) {
            problems.add(field + " must not contain control characters");
        }
    }
}
