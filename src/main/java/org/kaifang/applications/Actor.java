package org.kaifang.applications;

import java.util.Set;
import org.kaifang.accounts.CurrentUser;
import org.kaifang.accounts.Role;

/**
 * Who acts on an application: the user, the organisation they act for, and their roles.
 *
 * @param user the user's id, stable across renames
 */
public record Actor(String user, String username, String displayName, String organisation, Set<Role> roles) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public static Actor of(CurrentUser user) {
        return new Actor(
                user.id().toString(),
                user.username().toString(),
                user.displayName(),
                user.organisationId().toString(),
                user.roles());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
