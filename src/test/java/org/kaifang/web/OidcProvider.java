package org.kaifang.web;

import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * An organisation's OpenID Connect provider for tests: Spring Authorization Server with Spring Boot's defaults (its
 * endpoints, form login, a generated signing key), one registered client (Kaifang) and its own users. Its ID tokens
 * carry {@code preferred_username} (as most providers' do) and a {@code roles} claim claiming administrator rights,
 * which Kaifang must ignore.
 *
 * <p>Deliberately not a {@code @Configuration}: the test application's component scan must not find it. It is
 * started as a separate application with a configuration file of its own, so none of Kaifang's settings apply.
 */
@EnableAutoConfiguration(
        excludeName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"
        })
class OidcProvider {

    static final String CLIENT_ID = "kaifang";
    static final String CLIENT_SECRET = "client secret for tests";
    static final String PASSWORD = "provider password for tests";

    /** The provider's users: {@code officer} and {@code applicant.a} are Kaifang users, {@code stranger} is not. */
    static final List<String> USERS = List.of("officer", "applicant.a", "stranger");

    /** Starts the provider on a random port of 127.0.0.1, sending its users back to {@code redirectUri}. */
    static ConfigurableApplicationContext start(String redirectUri) {
        return new SpringApplicationBuilder(OidcProvider.class)
                .properties(
                        "spring.config.name=oidc-provider",
                        "server.port=0",
                        "server.address=127.0.0.1",
                        "spring.main.banner-mode=off",
                        "spring.jmx.enabled=false",
                        "gg.jte.use-precompiled-templates=true",
                        "kaifang.test.redirect-uri=" + redirectUri)
                .run();
    }

    @Bean
    UserDetailsService providerUsers() {
        return new InMemoryUserDetailsManager(USERS.stream()
                .map(name -> User.withUsername(name)
                        .password("{noop}" + PASSWORD)
                        .roles("USER")
                        .build())
                .toList());
    }

    @Bean
    RegisteredClientRepository clients(org.springframework.core.env.Environment environment) {
        var kaifang = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(CLIENT_ID)
                .clientSecret("{noop}" + CLIENT_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(environment.getRequiredProperty("kaifang.test.redirect-uri"))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(false)
                        .build())
                .build();
        return new InMemoryRegisteredClientRepository(kaifang);
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims() {
        return context -> {
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                context.getClaims()
                        .claim("preferred_username", context.getPrincipal().getName())
                        .claim("roles", List.of("ADMIN", "REGISTRAR"));
            }
        };
    }
}
