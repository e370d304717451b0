package org.kaifang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.kaifang.testing.DemoLogins;
import org.kaifang.testing.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Signing in through an OpenID Connect provider: Spring Authorization Server ({@link OidcProvider}) runs inside the
 * test on its own port of 127.0.0.1, Kaifang on localhost (different hosts, so the two keep separate cookies as they
 * would in a browser), and the real authorization-code flow is driven over HTTP: Kaifang's sign-in link, the
 * provider's sign-in form, the code back to Kaifang, the code exchanged for an ID token and the token checked.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:oidc;DB_CLOSE_DELAY=-1",
            DemoLogins.DEMO,
            DemoLogins.FIXED_PASSWORD
        })
class OidcLoginIntegrationTests {

    private static final Pattern CSRF =
            Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private static final int PORT = freePort();
    private static ConfigurableApplicationContext provider;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.kaifang.audit.AuditTrail audit;

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry registry) {
        if (provider == null) {
            provider = OidcProvider.start("http://localhost:" + PORT + "/login/oauth2/code/oidc");
        }
        var issuer = "http://127.0.0.1:" + provider.getEnvironment().getProperty("local.server.port");
        registry.add("server.port", () -> PORT);
        registry.add("kaifang.oidc.issuer-uri", () -> issuer);
        registry.add("kaifang.oidc.client-id", () -> OidcProvider.CLIENT_ID);
        registry.add("kaifang.oidc.client-secret", () -> OidcProvider.CLIENT_SECRET);
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
            provider = null;
        }
    }

    @Test
    void aMappedUserIsSignedInWithKaifangsRolesAndANewSessionId() {
        var browser = new Browser();
        var signInPage = browser.get("http://localhost:" + PORT + "/login");
        assertThat(signInPage.body()).contains("href=\"/oauth2/authorization/oidc\"");
        var before = browser.cookie("SESSION");
        assertThat(before).as("the sign-in page's session").isNotNull();

        var landed = browser.signInThroughProvider("officer");

        assertThat(landed.uri().toString()).isEqualTo("http://localhost:" + PORT + "/");
        assertThat(browser.cookie("SESSION"))
                .as("a new session id after signing in (fixation)")
                .isNotNull()
                .isNotEqualTo(before);
        assertThat(landed.body()).contains("张伟 Zhang Wei");
        // The screening queue needs CASE_OFFICER, APPROVER or ADMIN: the Kaifang user "officer" is a case officer.
        assertThat(browser.get("http://localhost:" + PORT + "/screening/reviews")
                        .statusCode())
                .isEqualTo(200);
        // The provider's token claims ADMIN and REGISTRAR: Kaifang ignores what the provider says about roles.
        assertThat(browser.get("http://localhost:" + PORT + "/admin/audit").statusCode())
                .isEqualTo(403);
        // A record reaches the chain just after its commit: wait for the chainer before reading it.
        assertThat(audit.awaitChained(java.time.Duration.ofSeconds(10))).isTrue();
        assertThat(jdbc.sql("select count(*) from audit.audit_record where action = 'SIGNED_IN'"
                                + " and actor_name = 'officer' and actor_id is not null")
                        .query(Integer.class)
                        .single())
                .as("the sign-in is in the audit trail as the Kaifang user's")
                .isPositive();
    }

    @Test
    void anApplicantSignedInThroughTheProviderSeesOnlyWhatApplicantsSee() {
        var browser = new Browser();

        var landed = browser.signInThroughProvider("applicant.a");

        assertThat(landed.uri().getPath()).isEqualTo("/");
        assertThat(browser.get("http://localhost:" + PORT + "/applications").statusCode())
                .isEqualTo(200);
        assertThat(browser.get("http://localhost:" + PORT + "/screening/reviews")
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void aPersonTheProviderKnowsButKaifangDoesNotIsRefusedWithAClearMessage() {
        var browser = new Browser();

        var landed = browser.signInThroughProvider("stranger");

        assertThat(landed.uri().toString()).isEqualTo("http://localhost:" + PORT + "/login?oidc-refused");
        assertThat(landed.body())
                .contains("id=\"oidc-problem\"")
                .contains("no Kaifang user is linked to that identity");
        // A record reaches the chain just after its commit: wait for the chainer before reading it.
        assertThat(audit.awaitChained(java.time.Duration.ofSeconds(10))).isTrue();
        assertThat(jdbc.sql("select after_summary from audit.audit_record where action = 'SIGN_IN_FAILED'"
                                + " and actor_name = '(no username)'")
                        .query(String.class)
                        .list())
                .as("the refusal is in the audit trail")
                .isNotEmpty();
        var applications = browser.get("http://localhost:" + PORT + "/applications");
        assertThat(applications.uri().getPath())
                .as("still signed out: sent to sign in")
                .isEqualTo("/login");
    }

    @Test
    void passwordSignInStillWorks() {
        var browser = new FormClient(PORT);

        var answer = browser.signIn("officer", DemoLogins.PASSWORD);

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(FormClient.location(answer)).doesNotContain("error");
        assertThat(browser.get("/screening/reviews").statusCode()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordAtTheProviderSignsNobodyIn() {
        var browser = new Browser();
        browser.get("http://localhost:" + PORT + "/oauth2/authorization/oidc");
        var form = browser.post(browser.last.uri().toString(), "officer", "not the password");

        assertThat(form.uri().getHost()).as("still at the provider").isEqualTo("127.0.0.1");
        assertThat(browser.get("http://localhost:" + PORT + "/applications")
                        .uri()
                        .getPath())
                .isEqualTo("/login");
    }

    /** A browser: keeps each host's cookies and follows redirects, as a person's browser would. */
    private static final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        HttpResponse<String> last;

        HttpResponse<String> get(String url) {
            return send(HttpRequest.newBuilder(URI.create(url))
                    .header("Accept", "text/html")
                    .header("Accept-Language", "en")
                    .GET()
                    .build());
        }

        /** Kaifang's "sign in with your organisation's account" link, then the provider's own sign-in form. */
        HttpResponse<String> signInThroughProvider(String username) {
            var form = get("http://localhost:" + PORT + "/oauth2/authorization/oidc");
            assertThat(form.uri().getHost())
                    .as("at the provider's sign-in form")
                    .isEqualTo("127.0.0.1");
            assertThat(form.uri().getPath()).isEqualTo("/login");
            return post(form.uri().toString(), username, OidcProvider.PASSWORD);
        }

        HttpResponse<String> post(String url, String username, String password) {
            var matcher = CSRF.matcher(last.body());
            assertThat(matcher.find()).as("CSRF token on the provider's form").isTrue();
            var token = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            var body = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf=" + encode(token);
            return send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/html")
                    .header("Accept-Language", "en")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
        }

        String cookie(String name) {
            return cookies.getCookieStore().get(URI.create("http://localhost:" + PORT)).stream()
                    .filter(c -> c.getName().equals(name))
                    .map(java.net.HttpCookie::getValue)
                    .findFirst()
                    .orElse(null);
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                last = client.send(request, HttpResponse.BodyHandlers.ofString());
                return last;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
