package org.kaifang.accounts;

import java.util.Set;

/**
 * A person who signs in, as other modules see them: never their password.
 *
 * @param organisation the one organisation the user acts for
 * @param roles at least one
 * @param enabled whether the user may sign in
 */
public record UserAccount(
        UserId id,
        Username username,
        String displayName,
        OrganisationId organisation,
        Set<Role> roles,
        boolean enabled) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
