package org.kaifang.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.OidcSignIn;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. Spring Security checks the form it posts; a failed attempt comes back here with one message that
 * never says whether the username or the password was wrong, and with the username kept in the field.
 */
@Controller
class SignInPages {

    private final boolean oidc;
    private final String oidcName;

    SignInPages(
            ObjectProvider<ClientRegistrationRepository> oidcClients, @Value("${kaifang.oidc.name:}") String oidcName) {
        this.oidc = oidcClients.getIfAvailable() != null;
        this.oidcName = oidcName.strip();
    }

    static final String PATH = "/login";
    static final String FAILED = "error";
    static final String SIGNED_OUT = "signed-out";
    /** The provider signed the person in, but no enabled Kaifang user is linked to them. */
    static final String OIDC_REFUSED = "oidc-refused";
    /** Signing in through the provider failed for another reason (refused there, an expired or forged answer). */
    static final String OIDC_FAILED = "oidc-failed";

    /** Where a failed attempt leaves its username for the page to show again: the session, not the address. */
    private static final String LAST_USERNAME = SignInPages.class.getName() + ".username";

    @GetMapping(PATH)
    String signIn(
            @RequestParam(name = FAILED, required = false) @Nullable String failed,
            @RequestParam(name = SIGNED_OUT, required = false) @Nullable String signedOut,
            @RequestParam(name = SignInThrottle.LOCKED, required = false) @Nullable String locked,
            @RequestParam(name = OIDC_REFUSED, required = false) @Nullable String oidcRefused,
            @RequestParam(name = OIDC_FAILED, required = false) @Nullable String oidcFailed,
            HttpServletRequest request,
            Model model) {
        var session = request.getSession(false);
        var username = "";
        if (session != null && session.getAttribute(LAST_USERNAME) instanceof String last) {
            username = last;
            session.removeAttribute(LAST_USERNAME);
        }
        var lockedMinutes = minutes(locked);
        model.addAttribute("failed", failed != null || lockedMinutes > 0);
        model.addAttribute("lockedMinutes", lockedMinutes);
        model.addAttribute("signedOut", failed == null && lockedMinutes == 0 && signedOut != null);
        model.addAttribute("username", failed == null && lockedMinutes == 0 ? "" : username);
        model.addAttribute("oidc", oidc ? "/oauth2/authorization/" + OidcConfiguration.REGISTRATION : null);
        model.addAttribute("oidcName", oidcName);
        model.addAttribute(
                "oidcProblem",
                !oidc
                        ? null
                        : oidcRefused != null
                                ? "signin.oidc.refused"
                                : oidcFailed != null ? "signin.oidc.failed" : null);
        return "web/login";
    }

    /** Spring Security's failure handler: back to the form, with the username but never the password. */
    static void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        keepUsername(request);
        response.sendRedirect(request.getContextPath() + PATH + "?" + FAILED);
    }

    /**
     * Spring Security's failure handler for signing in through the OpenID Connect provider: back to the form, saying
     * whether Kaifang refused a person the provider knows or the sign-in itself failed.
     */
    static void oidcFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        var refused = e instanceof OAuth2AuthenticationException oauth
                && OidcSignIn.UNKNOWN_USER.equals(oauth.getError().getErrorCode());
        response.sendRedirect(request.getContextPath() + PATH + "?" + (refused ? OIDC_REFUSED : OIDC_FAILED));
    }

    /** Keeps the username of a refused sign-in for the form to show again. */
    static void keepUsername(HttpServletRequest request) {
        var username = request.getParameter("username");
        HttpSession session = request.getSession();
        session.setAttribute(LAST_USERNAME, username == null || username.length() > 100 ? "" : username.strip());
    }

    /** The minutes of a lockout from the address, 1 to a day; 0 when there is none or it is not a number. */
    private static long minutes(@Nullable String locked) {
        if (locked == null) {
            return 0;
        }
        try {
            return Math.clamp(Long.parseLong(locked.strip()), 1, 24 * 60);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
