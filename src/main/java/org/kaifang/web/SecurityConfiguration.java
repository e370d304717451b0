package org.kaifang.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Security by default: everything needs authentication unless it is listed here as public. Forms carry CSRF tokens;
 * the JSON API under {@code /api/} is exempt from CSRF because it accepts no cookies for authentication. Every response
 * carries a Content Security Policy without inline scripts.
 */
@Configuration
class SecurityConfiguration {

    /** Public pages and endpoints. Everything else needs a login (added by the accounts module). */
    static final String[] PUBLIC = {
        "/",
        "/check",
        "/rules",
        "/determinations/*",
        "/api/v1/determinations",
        "/api/v1/determinations/*",
        "/api/v1/rules/**",
        "/api/v1/ownership/analyses",
        "/api/v1/screenings",
        "/ownership",
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
        "/v3/api-docs/**",
        "/swagger-ui.html",
        "/swagger-ui/**"
    };

    /** Public for reading only: the versions of the screening lists are public, importing one needs a login. */
    static final String[] PUBLIC_GET = {"/api/v1/screening/lists"};

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Swagger UI sets inline style attributes; scripts stay restricted to our own origin. */
    static final String SWAGGER_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain web(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.OPTIONS, "/**")
                        .denyAll()
                        .requestMatchers(PUBLIC)
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, PUBLIC_GET)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .headers(headers -> headers.addHeaderWriter(contentSecurityPolicy())
                        .referrerPolicy(r ->
                                r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")))
                .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfiguration::unauthenticated))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .requestCache(Customizer.withDefaults());
        return http.build();
    }

    private static HeaderWriter contentSecurityPolicy() {
        return (request, response) -> {
            var uri = request.getRequestURI();
            var swagger = uri.startsWith("/swagger-ui");
            response.setHeader("Content-Security-Policy", swagger ? SWAGGER_POLICY : POLICY);
        };
    }

    /** Lets {@link ErrorPages} answer: problem+json for the API, a page for browsers. */
    private static void unauthenticated(
            HttpServletRequest request,
            HttpServletResponse response,
            org.springframework.security.core.AuthenticationException e)
            throws IOException {
        response.sendError(HttpStatus.UNAUTHORIZED.value());
    }
}
