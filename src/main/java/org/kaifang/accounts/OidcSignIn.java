package org.kaifang.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs in a user whom the organisation's OpenID Connect provider has authenticated, as the Kaifang user named by one
 * claim of the provider's ID token or user info ({@code kaifang.oidc.username-claim}, by default
 * {@code preferred_username}). The provider proves who the person is; Kaifang alone decides what they may do: the roles
 * and the organisation are the Kaifang user's, whatever the provider says. Nobody is created here: a person the
 * provider knows but Kaifang does not (or whose Kaifang user is disabled) is refused with {@link #UNKNOWN_USER}, and an
 * administrator must add the user first.
 */
@Component
public class OidcSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** The error code of a refusal: the provider's user is no enabled Kaifang user. */
    public static final String UNKNOWN_USER = "kaifang_unknown_user";

    private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);

    private final OAuth2UserService<OidcUserRequest, OidcUser> provider;
    private final SignIn accounts;
    private final String claim;

    @Autowired
    OidcSignIn(SignIn accounts, @Value("${kaifang.oidc.username-claim:preferred_username}") String claim) {
        this(new OidcUserService(), accounts, claim);
    }

    OidcSignIn(OAuth2UserService<OidcUserRequest, OidcUser> provider, SignIn accounts, String claim) {
        this.provider = provider;
        this.accounts = accounts;
        this.claim = claim;
    }

    /**
     * The Kaifang user behind the provider's user: the ID token has been checked (issuer, audience, signature, expiry,
     * nonce) by Spring Security before this is called.
     *
     * @throws OAuth2AuthenticationException with {@link #UNKNOWN_USER} when the claim is missing or names no enabled
     *     Kaifang user
     */
    @Override
    @Transactional(readOnly = true)
    public OidcUser loadUser(OidcUserRequest request) {
        var signedIn = provider.loadUser(request);
        var username = signedIn.getClaims().get(claim) instanceof String text ? text : null;
        if (username == null || Username.problem(username) != null) {
            throw refused(signedIn, "has no usable '" + claim + "' claim");
        }
        AccountDetails account;
        try {
            account = (AccountDetails) accounts.loadUserByUsername(username);
        } catch (org.springframework.security.core.userdetails.UsernameNotFoundException e) {
            throw refused(signedIn, "names no Kaifang user");
        }
        if (!account.isEnabled()) {
            throw refused(signedIn, "names a disabled Kaifang user");
        }
        return new OidcAccount(account.user(), signedIn);
    }

    private OAuth2AuthenticationException refused(OidcUser signedIn, String why) {
        // The subject and issuer go to the log for the administrator; the page says only that no user is linked.
        log.warn(
                "OpenID Connect sign-in refused: subject {} of {} {}",
                signedIn.getSubject(),
                signedIn.getIssuer(),
                why);
        return new OAuth2AuthenticationException(
                new OAuth2Error(UNKNOWN_USER, "No Kaifang user for this identity", null));
    }
}
