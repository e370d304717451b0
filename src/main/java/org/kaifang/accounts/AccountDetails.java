package org.kaifang.accounts;

import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A user as Spring Security sees them while signing in. The password hash is dropped once the sign-in succeeds, so
 * the principal kept in the session holds none. {@link OidcAccount} is the same user signed in through OpenID Connect.
 */
sealed class AccountDetails implements UserDetails, CredentialsContainer permits OidcAccount {

    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final CurrentUser user;
    private final boolean enabled;
    private @Nullable String passwordHash;

    AccountDetails(CurrentUser user, boolean enabled, @Nullable String passwordHash) {
        this.user = user;
        this.enabled = enabled;
        this.passwordHash = passwordHash;
    }

    CurrentUser user() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return user.roles().stream()
                .sorted()
                .map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList();
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username().value();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public final boolean equals(Object other) {
        return other instanceof AccountDetails that && user.id().equals(that.user.id());
    }

    @Override
    public final int hashCode() {
        return user.id().hashCode();
    }

    @Override
    public String toString() {
        return "AccountDetails[" + user.username() + ", " + List.copyOf(getAuthorities()) + "]";
    }
}
