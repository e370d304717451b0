package org.kaifang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.kaifang.testing.DemoLogins;
import org.kaifang.testing.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sessions: a new session id at sign-in (so that a session id planted before cannot be used after: fixation), a cookie
 * scripts cannot read and other sites' requests do not send, secure behind HTTPS, the idle timeout stored with the session for every node to apply, and an expired session that signs nobody in.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {DemoLogins.DATABASE, DemoLogins.DEMO, DemoLogins.FIXED_PASSWORD})
class SessionsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private HttpResponse<String> withSessionCookie(String session, String path) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .header("Cookie", "SESSION=" + session)
                                    .header("Accept", "text/html")
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void signingInChangesTheSessionIdSoAPlantedOneIsUseless() {
        var browser = new FormClient(port);
        browser.get("/login");
        var planted = browser.cookie("SESSION");
        assertThat(planted).as("the sign-in form's session").isNotNull();

        browser.signIn("applicant.a", DemoLogins.PASSWORD);

        var signedIn = browser.cookie("SESSION");
        assertThat(signedIn).isNotEqualTo(planted);
        assertThat(withSessionCookie(planted, "/applications").statusCode())
                .as("the session id from before signing in signs nobody in")
                .isEqualTo(302);
        assertThat(withSessionCookie(signedIn, "/applications").statusCode()).isEqualTo(200);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndSecureBehindHttps() throws Exception {
        var plain = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                .header("Accept", "text/html")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(sessionCookie(plain))
                .as("scripts cannot read it, other sites' requests do not carry it")
                .contains("HttpOnly")
                .contains("SameSite=Lax")
                .doesNotContain("Secure");

        // Through a TLS-terminating proxy on loopback: the browser used HTTPS, so the cookie must never go over HTTP.
        var https = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                .header("Accept", "text/html")
                                .header("X-Forwarded-Proto", "https")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(sessionCookie(https))
                .contains("HttpOnly")
                .contains("SameSite=Lax")
                .contains("Secure");
    }

    private static String sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + response.headers()));
    }

    @Test
    void aSignedInSessionCookieDoesNotAuthenticateTheApi() {
        var browser = new FormClient(port);
        browser.signIn("officer", DemoLogins.PASSWORD);
        var session = browser.cookie("SESSION");

        assertThat(withSessionCookie(session, "/applications").statusCode())
                .as("the cookie signs the pages in")
                .isEqualTo(200);
        // The API is deaf to cookies, which is what makes it safe without CSRF tokens: a page on another site that
        // makes the browser call the API gets nothing done as the user.
        var api = withSessionCookie(session, "/api/v1/applications");
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.body()).doesNotContain("\"id\"");
    }

    @Test
    void aSessionEndsAfterThirtyIdleMinutes() {
        var browser = new FormClient(port);
        browser.signIn("applicant.b", DemoLogins.PASSWORD);
        var session = browser.cookie("SESSION");
        var id = new String(Base64.getDecoder().decode(session), StandardCharsets.UTF_8);

        assertThat(jdbc.sql("select max_inactive_interval from accounts.web_session where session_id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(30 * 60);

        // Thirty-one idle minutes pass.
        jdbc.sql("update accounts.web_session set last_access_time = last_access_time - 1860000,"
                        + " expiry_time = expiry_time - 1860000 where session_id = :id")
                .param("id", id)
                .update();

        assertThat(withSessionCookie(session, "/applications").statusCode()).isEqualTo(302);
    }
}
