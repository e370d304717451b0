package org.kaifang.accounts;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spring Security's view of the accounts: finds the user signing in, with the hash to check the password against and
 * their roles as {@code ROLE_*} authorities, and stores a stronger hash when the encoder asks for an upgrade.
 */
@Component
class SignIn implements UserDetailsService, UserDetailsPasswordService {

    private final Users users;
    private final Organisations organisations;

    SignIn(Users users, Organisations organisations) {
        this.users = users;
        this.organisations = organisations;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String text) {
        // The same message whatever is wrong, so that it never tells which usernames exist.
        if (Username.problem(text) != null) {
            throw new UsernameNotFoundException("No such user");
        }
        var username = new Username(text);
        var user = users.find(username).orElseThrow(() -> new UsernameNotFoundException("No such user"));
        var organisation = organisations
                .find(user.organisation())
                .orElseThrow(() -> new IllegalStateException("User " + username + " has no organisation"));
        var hash = users.passwordHash(username).orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return new AccountDetails(
                new CurrentUser(user.id(), user.username(), user.displayName(), organisation, user.roles()),
                user.enabled(),
                hash);
    }

    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails user, String encodedPassword) {
        var username = new Username(user.getUsername());
        users.changePasswordHash(username, encodedPassword);
        return user instanceof AccountDetails details
                ? new AccountDetails(details.user(), details.isEnabled(), encodedPassword)
                : user;
    }
}
