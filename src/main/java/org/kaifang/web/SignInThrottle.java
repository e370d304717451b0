package org.kaifang.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.SignInLimits;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a password sign-in while its account or address is locked out ({@link SignInLimits}), before the password is
 * checked: the form comes back with the lockout message, HTTP Basic gets 429 problem+json with {@code Retry-After}.
 * Failures are counted by {@link SignInLimits} from Spring Security's events. Not a bean: both filter chains add it.
 */
final class SignInThrottle extends OncePerRequestFilter {

    /** The sign-in page's query parameter that carries the minutes left. */
    static final String LOCKED = "locked";

    private final SignInLimits limits;

    SignInThrottle(SignInLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod()) && SignInPages.PATH.equals(request.getServletPath())) {
            var locked = limits.lockedFor(request.getParameter("username"), request.getRemoteAddr());
            if (locked.isPresent()) {
                SignInPages.keepUsername(request);
                response.sendRedirect(
                        request.getContextPath() + SignInPages.PATH + "?" + LOCKED + "=" + minutes(locked.get()));
                return;
            }
        }
        var basicUser = basicUsername(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (basicUser != null) {
            var locked = limits.lockedFor(basicUser, request.getRemoteAddr());
            if (locked.isPresent()) {
                response.setHeader(
                        HttpHeaders.RETRY_AFTER,
                        String.valueOf(Math.max(1, locked.get().toSeconds())));
                response.sendError(
                        HttpStatus.TOO_MANY_REQUESTS.value(),
                        "Too many failed sign-ins for this account or from this address; try again in "
                                + minutes(locked.get()) + " minute(s).");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static long minutes(Duration left) {
        return Math.max(1, (left.toSeconds() + 59) / 60);
    }

    private static @Nullable String basicUsername(@Nullable String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            var decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            var colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
