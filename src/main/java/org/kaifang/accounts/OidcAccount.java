package org.kaifang.accounts;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A Kaifang user signed in through the organisation's OpenID Connect provider. It is the same principal as a password
 * sign-in gives ({@link CurrentUser#from} finds the user in either), with Kaifang's roles as its authorities: what the
 * provider says about roles or groups is ignored. It keeps the provider's ID token, as Spring Security expects of an
 * {@link OidcUser}, and never a password hash.
 */
final class OidcAccount extends AccountDetails implements OidcUser {

    @java.io.Serial
    private static final long serialVersionUID = 1L;

    private final OidcIdToken idToken;
    private final @Nullable OidcUserInfo userInfo;
    private final Map<String, Object> claims;

    OidcAccount(CurrentUser user, OidcUser signedIn) {
        super(user, true, null);
        this.idToken = signedIn.getIdToken();
        this.userInfo = signedIn.getUserInfo();
        this.claims = Map.copyOf(signedIn.getClaims());
    }

    @Override
    public Map<String, Object> getClaims() {
        return claims;
    }

    @Override
    public @Nullable OidcUserInfo getUserInfo() {
        return userInfo;
    }

    @Override
    public OidcIdToken getIdToken() {
        return idToken;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return claims;
    }

    /** The Kaifang username, so that logs and the audit trail name the same user whichever way they signed in. */
    @Override
    public String getName() {
        return getUsername();
    }
}
