package org.kaifang.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.kaifang.accounts.ApiTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests that send {@code Authorization: Bearer kf_…}. A bearer token that is unknown, expired or
 * revoked gets 401 problem+json at once, whatever the endpoint, so that a client learns its token is bad rather than
 * being served as anonymous. Not a bean: only the API's filter chain uses it.
 */
final class ApiTokenAuthentication extends OncePerRequestFilter {

    static final String BEARER = "Bearer ";

    private final ApiTokens tokens;

    ApiTokenAuthentication(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        var authentication =
                tokens.authenticate(header.substring(BEARER.length()).strip());
        if (authentication.isEmpty()) {
            response.sendError(HttpStatus.UNAUTHORIZED.value(), "The API token is unknown, expired or revoked.");
            return;
        }
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication.get());
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
