package org.kaifang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.kaifang.testing.DemoLogins;
import org.kaifang.testing.FormClient;
import org.kaifang.testing.Http;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The security headers on a page, an API answer and an API error; HSTS only when the client came over HTTPS. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {DemoLogins.DATABASE, DemoLogins.DEMO, DemoLogins.FIXED_PASSWORD})
class SecurityHeadersIntegrationTests {

    @LocalServerPort
    int port;

    private static void assertHardened(HttpResponse<String> response) {
        var headers = response.headers();
        var csp = headers.firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp)
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .contains("object-src 'none'")
                .contains("base-uri 'self'")
                .contains("form-action 'self'")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(headers.firstValue("Permissions-Policy"))
                .hasValueSatisfying(v -> assertThat(v).contains("camera=()", "geolocation=()"));
        assertThat(headers.firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }

    @Test
    void aPageCarriesEverySecurityHeader() {
        var page = new FormClient(port).get("/check");

        assertThat(page.statusCode()).isEqualTo(200);
        assertHardened(page);
        assertThat(page.headers().firstValue("Strict-Transport-Security"))
                .as("not over plain HTTP")
                .isEmpty();
    }

    @Test
    void anApiAnswerAndAnApiErrorCarryThemToo() {
        var http = new Http(port);
        var answer = http.get("/api/v1/rules/pack", "Accept", "application/json");
        var refused = http.get("/api/v1/applications", "Accept", "application/json");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertHardened(answer);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertHardened(refused);
    }

    @Test
    void strictTransportSecurityWhenTheClientCameOverHttps() {
        // A reverse proxy on loopback or a private address tells Tomcat the client's scheme.
        var page = new FormClient(port).get("/check", "X-Forwarded-Proto", "https");
        var api = new Http(port).get("/api/v1/rules/pack", "X-Forwarded-Proto", "https");

        for (var response : java.util.List.of(page, api)) {
            assertThat(response.headers().firstValue("Strict-Transport-Security"))
                    .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
        }
    }
}
