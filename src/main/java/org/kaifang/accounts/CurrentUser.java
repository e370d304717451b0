package org.kaifang.accounts;

import java.io.Serializable;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/**
 * The signed-in user on whose behalf a request runs, as it was when they signed in. Modules use it to decide what the
 * user may see and do: {@code user.has(Role.CASE_OFFICER)}, {@code user.belongsTo(application.applicant())}.
 *
 * @param organisation the organisation the user acts for
 * @param roles at least one
 */
public record CurrentUser(UserId id, Username username, String displayName, Organisation organisation, Set<Role> roles)
        implements Serializable {

    public CurrentUser {
        roles = Set.copyOf(roles);
    }

    /**
     * The user behind {@code authentication}; empty when nobody is signed in or the authentication did not come from
     * Kaifang's accounts (an anonymous request, a test's mock user).
     */
    public static Optional<CurrentUser> from(@Nullable Authentication authentication) {
        if (authentication != null
                && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof AccountDetails details) {
            return Optional.of(details.user());
        }
        return Optional.empty();
    }

    public OrganisationId organisationId() {
        return organisation.id();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether the user acts for {@code organisation}: an applicant sees only its own organisation's data. */
    public boolean belongsTo(OrganisationId organisation) {
        return this.organisation.id().equals(organisation);
    }
}
