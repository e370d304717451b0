package org.kaifang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaifang.testing.FormClient.location;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaifang.testing.DemoLogins;
import org.kaifang.testing.FormClient;
import org.kaifang.testing.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Lockout after failed sign-ins, per account and per address, on the form and over HTTP Basic, with the counts in the
 * database: 3 failures lock an account and 6 an address here (5 and 50 by default).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:sign-in-limits;DB_CLOSE_DELAY=-1",
            DemoLogins.DEMO,
            DemoLogins.FIXED_PASSWORD,
            "kaifang.sign-in.max-failures-per-account=3",
            "kaifang.sign-in.max-failures-per-address=6",
            "kaifang.sign-in.lockout=PT10M"
        })
class SignInLimitsIntegrationTests {

    private static final String LOCKED = "Too many failed sign-ins for this account or from this address";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void noFailuresYet() {
        jdbc.sql("delete from accounts.sign_in_failures").update();
    }

    private HttpResponse<String> basic(String username, String password) {
        var credentials =
                Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Http(port)
                .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/applications"))
                        .header("Accept", "application/json")
                        .header("Authorization", "Basic " + credentials)
                        .GET()
                        .build());
    }

    @Test
    void threeWrongPasswordsLockTheAccountAndTheFormSaysForHowLong() {
        var browser = new FormClient(port);
        for (int i = 0; i < 3; i++) {
            assertThat(location(browser.signIn("applicant.a", "wrong password " + i)))
                    .endsWith("/login?error");
        }

        var refused = browser.signIn("applicant.a", DemoLogins.PASSWORD);

        assertThat(location(refused)).endsWith("/login?locked=10");
        var page = browser.get("/login?locked=10");
        assertThat(page.body())
                .contains(LOCKED)
                .contains("Try again in 10 minute(s).")
                .contains("value=\"applicant.a\"");
        assertThat(browser.get("/").body()).as("not signed in").contains("id=\"sign-in\"");
        assertThat(basic("applicant.a", DemoLogins.PASSWORD).statusCode())
                .as("the lockout holds for HTTP Basic too")
                .isEqualTo(429);
        assertThat(location(new FormClient(port).signIn("applicant.b", DemoLogins.PASSWORD)))
                .as("another account from the same address")
                .endsWith(":" + port + "/");
        assertThat(jdbc.sql("select count(*) from accounts.sign_in_failures"
                                + " where limit_key = 'account:applicant.a' and locked_until is not null")
                        .query(Long.class)
                        .single())
                .as("the lockout is in the database, for every node")
                .isEqualTo(1);
    }

    @Test
    void theApiAnswers429ProblemJsonWithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            assertThat(basic("officer", "wrong password " + i).statusCode()).isEqualTo(401);
        }

        var refused = basic("officer", DemoLogins.PASSWORD);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValue("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(500L, 600L));
        assertThat(Http.json(refused).get("detail").asString()).startsWith(LOCKED);
    }

    @Test
    void unknownUsernamesAreLockedOutLikeKnownOnes() {
        var browser = new FormClient(port);
        for (int i = 0; i < 3; i++) {
            browser.signIn("nobody.here", "wrong password " + i);
        }

        assertThat(location(browser.signIn("nobody.here", "wrong password 4"))).endsWith("/login?locked=10");
    }

    @Test
    void aSuccessfulSignInClearsTheAccountsCount() {
        var browser = new FormClient(port);
        browser.signIn("approver", "wrong password 1");
        browser.signIn("approver", "wrong password 2");
        assertThat(location(browser.signIn("approver", DemoLogins.PASSWORD))).endsWith(":" + port + "/");

        var other = new FormClient(port);
        other.signIn("approver", "wrong password 3");
        other.signIn("approver", "wrong password 4");

        assertThat(location(other.signIn("approver", DemoLogins.PASSWORD))).endsWith(":" + port + "/");
    }

    @Test
    void tooManyFailuresFromOneAddressLockItOutForEveryAccount() {
        for (var username : new String[] {"guess.one", "guess.two", "guess.three"}) {
            var browser = new FormClient(port);
            browser.signIn(username, "wrong password a");
            browser.signIn(username, "wrong password b");
        }

        assertThat(location(new FormClient(port).signIn("registrar", DemoLogins.PASSWORD)))
                .endsWith("/login?locked=10");
        assertThat(basic("admin", DemoLogins.PASSWORD).statusCode()).isEqualTo(429);
    }
}
