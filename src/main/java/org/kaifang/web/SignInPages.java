package org.kaifang.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticationException;
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

    static final String PATH = "/login";
    static final String FAILED = "error";
    static final String SIGNED_OUT = "signed-out";

    /** Where a failed attempt leaves its username for the page to show again: the session, not the address. */
    private static final String LAST_USERNAME = SignInPages.class.getName() + ".username";

    @GetMapping(PATH)
    String signIn(
            @RequestParam(name = FAILED, required = false) @Nullable String failed,
            @RequestParam(name = SIGNED_OUT, required = false) @Nullable String signedOut,
            @RequestParam(name = SignInThrottle.LOCKED, required = false) @Nullable String locked,
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
        return "web/login";
    }

    /** Spring Security's failure handler: back to the form, with the username but never the password. */
    static void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        keepUsername(request);
        response.sendRedirect(request.getContextPath() + PATH + "?" + FAILED);
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
