package org.kaifang.web;

import java.util.ArrayList;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;

/**
 * Optional sign-in through the organisation's OpenID Connect provider, on only when {@code kaifang.oidc.issuer-uri} is
 * set. The client id and secret come from the environment ({@code KAIFANG_OIDC_CLIENT_ID},
 * {@code KAIFANG_OIDC_CLIENT_SECRET}), never from a file in the repository. The provider's endpoints and keys are read
 * from its discovery document at start-up, so a wrong issuer stops the server with the reason rather than failing at
 * the first sign-in.
 */
@Configuration
@ConditionalOnExpression("!'${kaifang.oidc.issuer-uri:}'.isBlank()")
class OidcConfiguration {

    /** The registration id, and so the paths: {@code /oauth2/authorization/oidc}, {@code /login/oauth2/code/oidc}. */
    static final String REGISTRATION = "oidc";

    @Bean
    ClientRegistrationRepository oidcClients(Environment environment) {
        var issuer = environment.getProperty("kaifang.oidc.issuer-uri", "").strip();
        var clientId = environment.getProperty("kaifang.oidc.client-id", "").strip();
        var secret = environment.getProperty("kaifang.oidc.client-secret", "").strip();
        var problems = new ArrayList<String>();
        if (clientId.isEmpty()) {
            problems.add("KAIFANG_OIDC_CLIENT_ID is not set");
        }
        if (secret.isEmpty()) {
            problems.add("KAIFANG_OIDC_CLIENT_SECRET is not set");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("OpenID Connect sign-in is configured (kaifang.oidc.issuer-uri=" + issuer
                    + ") but " + String.join(" and ", problems));
        }
        var registration = ClientRegistrations.fromIssuerLocation(issuer)
                .registrationId(REGISTRATION)
                .clientId(clientId)
                .clientSecret(secret)
                .scope("openid", "profile")
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .clientName(environment.getProperty("kaifang.oidc.name", "OpenID Connect"))
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }
}
