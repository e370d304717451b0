package org.kaifang.accounts.web;

import java.util.Set;
import org.kaifang.accounts.CurrentUser;
import org.kaifang.accounts.Role;

/** What the issue form holds: as entered, to show again with its problems. */
public record TokenForm(String name, Set<Role> roles, String days) {

    public TokenForm {
        roles = Set.copyOf(roles);
    }

    static TokenForm empty(CurrentUser user) {
        return new TokenForm("", Set.of(), "90");
    }

    public boolean checked(Role role) {
        return roles.contains(role);
    }
}
