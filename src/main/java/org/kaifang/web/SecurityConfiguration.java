package org.kaifang.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.kaifang.accounts.ApiTokens;
import org.kaifang.accounts.OidcSignIn;
import org.kaifang.accounts.SignInLimits;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Security by default: everything needs authentication unless it is listed here as public. Users sign in with the
 * form at {@code /login} against the accounts module's users; a page that needs a login sends the browser there and
 * back, while the JSON API answers 401 problem+json and never redirects. Forms, signing in and out included, carry
 * CSRF tokens; the JSON API under {@code /api/} is exempt from CSRF because it accepts no cookies for authentication.
 * When an OpenID Connect provider is configured ({@link OidcConfiguration}), pages can also be signed in to through it.
 * Every response carries a Content Security Policy without inline scripts.
 */
@Configuration
class SecurityConfiguration {

    /** Public pages and endpoints. Everything else needs a login. */
    static final String[] PUBLIC = {
        "/",
        "/login",
        "/check",
        "/rules",
        "/determinations/*",
        "/api/v1/determinations",
        "/api/v1/determinations/*",
        "/api/v1/rules/**",
        "/api/v1/ownership/analyses",
        "/api/v1/screenings",
        "/api/v1/calendar/**",
        "/ownership",
        "/screening/lists",
        "/register",
        "/register/**",
        "/api/v1/register/**",
        "/statistics",
        "/api/v1/statistics/*",
        "/css/**",
        "/js/**",
        "/img/**",
        "/webjars/**",
        "/favicon.ico",
        "/error",
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/prometheus",
        "/v3/api-docs",
        "/v3/api-docs.yaml",
        "/v3/api-docs/**",
        "/swagger-ui.html",
        "/swagger-ui/**"
    };

    /** Screening names raises alerts and the queue decides them: the regulator's officers only. */
    static final String[] SCREENING_REVIEW = {"/screening", "/screening/reviews", "/screening/reviews/**"};

    static final String[] SCREENING_REVIEWERS = {"CASE_OFFICER", "APPROVER", "ADMIN"};

    /** Statistics about applications, screening and supervision: the regulator's staff only. */
    static final String[] STATISTICS_STAFF = {"/statistics/staff", "/statistics/staff/**", "/api/v1/statistics/staff/**"
    };

    static final String[] REGULATOR_STAFF = {"CASE_OFFICER", "APPROVER", "REGISTRAR", "ADMIN"};

    /** Policy what-if runs (issue 7 part 3): the regulator's staff, like the staff statistics; never public. */
    static final String[] WHATIF = {"/whatif", "/whatif/**", "/api/v1/whatif/**"};

    /** Administration, the audit trail among it: administrators only. */
    static final String[] ADMINISTRATION = {"/admin", "/admin/**"};

    /** Public for reading only: the versions of the screening lists are public, importing one needs a login. */
    static final String[] PUBLIC_GET = {"/api/v1/screening/lists"};

    /** Importing a new version of the lists changes what every screening uses: administrators and officers only. */
    static final String[] LIST_IMPORTS = {"/api/v1/screening/lists"};

    static final String[] LIST_IMPORTERS = {"ADMIN", "CASE_OFFICER"};

    private static final LoginUrlAuthenticationEntryPoint SIGN_IN =
            new LoginUrlAuthenticationEntryPoint(SignInPages.PATH);

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Kaifang uses none of the browser's devices or sensors. */
    static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /** Swagger UI sets inline style attributes; scripts stay restricted to our own origin. */
    static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The JSON API: stateless, authenticated per request with an API token ({@code Authorization: Bearer kf_…}) or HTTP
     * Basic (which costs a bcrypt per request, so machine clients should use tokens), and
     * deaf to the session cookie, so that a page visited in a signed-in browser cannot make API calls on the user's
     * behalf; that is what makes exempting the API from CSRF safe.
     */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, SignInLimits limits) throws Exception {
        http.securityMatcher("/api/**")
                .addFilterBefore(new ApiTokenAuthentication(tokens), BasicAuthenticationFilter.class)
                .addFilterBefore(new SignInThrottle(limits), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.OPTIONS, "/**")
                        .denyAll()
                        .requestMatchers(PUBLIC)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, PUBLIC_GET)
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, LIST_IMPORTS)
                        .hasAnyRole(LIST_IMPORTERS)
                        .requestMatchers(STATISTICS_STAFF)
                        .hasAnyRole(REGULATOR_STAFF)
                        .requestMatchers(WHATIF)
                        .hasAnyRole(REGULATOR_STAFF)
                        .anyRequest()
                        .authenticated())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(
                        new org.springframework.security.web.context.RequestAttributeSecurityContextRepository()))
                .requestCache(c -> c.disable())
                .headers(headers -> headers.addHeaderWriter(contentSecurityPolicy())
                        .referrerPolicy(r ->
                                r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy(PERMISSIONS)))
                .httpBasic(b -> b.authenticationEntryPoint(SecurityConfiguration::apiUnauthenticated))
                .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfiguration::apiUnauthenticated))
                .formLogin(f -> f.disable())
                .logout(l -> l.disable());
        return http.build();
    }

    /** A 401 that {@link ErrorPages} turns into problem+json, with no challenge header, so browsers show no dialog. */
    private static void apiUnauthenticated(
            HttpServletRequest request,
            HttpServletResponse response,
            org.springframework.security.core.AuthenticationException e)
            throws IOException {
        response.sendError(HttpStatus.UNAUTHORIZED.value());
    }

    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain web(
            HttpSecurity http,
            SignInLimits limits,
            ObjectProvider<ClientRegistrationRepository> oidcClients,
            OidcSignIn oidcSignIn)
            throws Exception {
        var oidc = oidcClients.getIfAvailable();
        if (oidc != null) {
            // Signing in through the organisation's provider ends in the same session as a password sign-in: the
            // session id changes, the principal is the Kaifang user with Kaifang's roles, and the rest of this chain
            // (CSRF, headers, idle timeout) applies unchanged.
            http.oauth2Login(o -> o.loginPage(SignInPages.PATH)
                    .clientRegistrationRepository(oidc)
                    .userInfoEndpoint(u -> u.oidcUserService(oidcSignIn))
                    .failureHandler(SignInPages::oidcFailed));
        }
        http.addFilterBefore(new SignInThrottle(limits), UsernamePasswordAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.OPTIONS, "/**")
                        .denyAll()
                        .requestMatchers(PUBLIC)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, PUBLIC_GET)
                        .permitAll()
                        .requestMatchers(SCREENING_REVIEW)
                        .hasAnyRole(SCREENING_REVIEWERS)
                        .requestMatchers(ADMINISTRATION)
                        .hasRole("ADMIN")
                        .requestMatchers(STATISTICS_STAFF)
                        .hasAnyRole(REGULATOR_STAFF)
                        .requestMatchers(WHATIF)
                        .hasAnyRole(REGULATOR_STAFF)
                        .anyRequest()
                        .authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .headers(headers -> headers.addHeaderWriter(contentSecurityPolicy())
                        .referrerPolicy(r ->
                                r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy(PERMISSIONS)))
                .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfiguration::unauthenticated))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.loginPage(SignInPages.PATH).failureHandler(SignInPages::failed))
                .logout(l -> l.logoutSuccessUrl(SignInPages.PATH + "?" + SignInPages.SIGNED_OUT))
                .requestCache(c -> c.requestCache(pagesOnly()));
        return http.build();
    }

    /** A page asked for before signing in, to return to afterwards; never an API call or an htmx fragment. */
    private static RequestCache pagesOnly() {
        var cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && isPage(request));
        return cache;
    }

    private static boolean isPage(HttpServletRequest request) {
        return !ErrorPages.wantsJson(request, request.getRequestURI()) && request.getHeader("HX-Request") == null;
    }

    private static HeaderWriter contentSecurityPolicy() {
        return (request, response) -> {
            var uri = request.getRequestURI();
            var swagger = uri.startsWith("/swagger-ui");
            response.setHeader("Content-Security-Policy", swagger ? SWAGGER_POLICY : POLICY);
        };
    }

    /**
     * A browser asking for a page is sent to sign in; htmx is told to load the sign-in page instead of swapping it into
     * a fragment; everything else gets a 401 that {@link ErrorPages} turns into problem+json.
     */
    private static void unauthenticated(
            HttpServletRequest request,
            HttpServletResponse response,
            org.springframework.security.core.AuthenticationException e)
            throws IOException, ServletException {
        if (isPage(request)) {
            SIGN_IN.commence(request, response, e);
            return;
        }
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", SignInPages.PATH);
        }
        response.sendError(HttpStatus.UNAUTHORIZED.value());
    }
}
