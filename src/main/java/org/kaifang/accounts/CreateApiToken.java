package org.kaifang.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Issues an API token for a machine client acting for a user.
 *
 * @param name what the token is for, unique among the user's tokens, 1 to 100 characters
 * @param roles at least one, each held by the user: a token never acts with more than its user may
 * @param days how long it is valid, 1 to {@link #MAX_DAYS}: every token expires
 */
public record CreateApiToken(String name, Set<Role> roles, int days) {

    /** A year (and a leap day): a token that lives longer is a password nobody remembers to change. */
    public static final int MAX_DAYS = 366;

    static final int MAX_NAME = 100;

    public CreateApiToken {
        roles = Set.copyOf(roles);
    }

    /** Everything wrong with this request for a user holding {@code userRoles}; empty when it may be carried out. */
    List<String> problems(Set<Role> userRoles) {
        var problems = new ArrayList<String>();
        var text = name.strip();
        if (text.isEmpty()) {
            problems.add("Token name must not be blank");
        } else if (text.length() > MAX_NAME) {
            problems.add("Token name must have at most " + MAX_NAME + " characters, not " + text.length());
        } else if (text.chars().anyMatch(Character::isISOControl)) {
            problems.add("Token name must not contain control characters");
        }
        if (roles.isEmpty()) {
            problems.add("A token needs at least one role of its user's: "
                    + userRoles.stream().sorted().toList());
        }
        roles.stream()
                .filter(r -> !userRoles.contains(r))
                .sorted()
                .forEach(r -> problems.add("Role " + r + " is not one of the user's roles "
                        + userRoles.stream().sorted().toList()));
        if (days < 1 || days > MAX_DAYS) {
            problems.add("A token is valid for 1 to " + MAX_DAYS + " days, not " + days);
        }
        return problems;
    }
}
