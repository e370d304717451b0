package org.kaifang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaifang.testing.FormClient.location;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaifang.accounts.CurrentUser;
import org.kaifang.accounts.Role;
import org.kaifang.testing.DemoLogins;
import org.kaifang.testing.FormClient;
import org.kaifang.testing.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Signing in and out over HTTP with the demo users: the form and its one message for every failure, CSRF on the form,
 * pages that send the browser to sign in and back, and the JSON API that answers 401 instead.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {DemoLogins.DATABASE, DemoLogins.DEMO, DemoLogins.FIXED_PASSWORD})
class SignInIntegrationTests {

    private static final String WRONG = "The username or password is wrong";

    @LocalServerPort
    int port;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    FormClient browser;

    @BeforeEach
    void freshBrowser() {
        browser = new FormClient(port);
    }

    @Test
    void signingInShowsWhoIsSignedInAndForWhichOrganisation() {
        browser.get("/login");
        var anonymousSession = browser.cookie("SESSION");

        var signedIn = browser.signIn("applicant.a", DemoLogins.PASSWORD);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(location(signedIn)).endsWith(":" + port + "/");
        assertThat(browser.cookie("SESSION"))
                .as("a new session id after signing in")
                .isNotNull()
                .isNotEqualTo(anonymousSession);
        var home = browser.get("/");
        assertThat(home.body())
                .contains("Signed in as <strong id=\"account-name\">王芳 Wang Fang</strong>")
                .contains("Lingang Cloud Data Co., Ltd. (demo)")
                .contains("<form class=\"account\" id=\"account\" method=\"post\" action=\"/logout\">")
                .doesNotContain("id=\"sign-in\"");
        assertThat(browser.get("/?lang=zh").body()).contains("临港云数据有限公司");
        assertThat(jdbc.sql("select count(*) from accounts.web_session where principal_name = 'applicant.a'")
                        .query(Long.class)
                        .single())
                .as("the session is in the database, for every node to see")
                .isPositive();
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        var wrongPassword = browser.signIn("applicant.a", "not the password at all");
        assertThat(wrongPassword.statusCode()).isEqualTo(302);
        assertThat(location(wrongPassword)).endsWith("/login?error");
        var again = browser.get("/login?error");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body())
                .contains(WRONG)
                .contains("id=\"error-summary\"")
                .contains("value=\"applicant.a\"")
                .doesNotContain("not the password at all");

        var other = new FormClient(port);
        var unknownUser = other.signIn("nobody.here", "not the password at all");
        assertThat(location(unknownUser)).isEqualTo(location(wrongPassword));
        var unknownAgain = other.get("/login?error");
        assertThat(withoutTokens(unknownAgain.body()).replace("nobody.here", "applicant.a"))
                .as("the page after an unknown user, apart from the username kept in the field")
                .isEqualTo(withoutTokens(again.body()));

        assertThat(browser.get("/").body()).contains("id=\"sign-in\"");
        assertThat(browser.get("/login").body())
                .as("the message is shown once, not on the next visit")
                .doesNotContain(WRONG);
    }

    @Test
    void signingInNeedsTheCsrfTokenOfTheForm() {
        browser.get("/login");

        var forged = browser.post("/login", Map.of("username", "applicant.a", "password", DemoLogins.PASSWORD));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(browser.get("/").body()).contains("id=\"sign-in\"").doesNotContain("Signed in as");
    }

    @Test
    void signingOutIsAPostWithTheCsrfTokenAndEndsTheSession() {
        browser.signIn("officer", DemoLogins.PASSWORD);
        assertThat(browser.get("/").body()).contains("张伟 Zhang Wei");

        assertThat(browser.post("/logout", Map.of()).statusCode())
                .as("sign-out without the token")
                .isEqualTo(403);
        assertThat(browser.get("/logout").statusCode())
                .as("a link cannot sign anyone out")
                .isEqualTo(404);
        assertThat(browser.get("/").body()).contains("张伟 Zhang Wei");

        var signedOut = browser.post("/logout", Map.of("_csrf", browser.csrfToken("/")));

        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(location(signedOut)).endsWith("/login?signed-out");
        assertThat(browser.get("/login?signed-out").body()).contains("You have signed out.");
        assertThat(browser.get("/").body()).contains("id=\"sign-in\"").doesNotContain("张伟 Zhang Wei");
        assertThat(browser.get("/applications").statusCode()).isEqualTo(302);
    }

    @Test
    void aPageThatNeedsALoginSendsTheBrowserToSignInAndBackAgain() {
        var protectedPage = browser.get("/applications?status=SUBMITTED");

        assertThat(protectedPage.statusCode()).isEqualTo(302);
        assertThat(location(protectedPage)).isEqualTo("http://localhost:" + port + "/login");

        var signedIn = browser.signIn("approver", DemoLogins.PASSWORD);

        assertThat(location(signedIn)).contains("/applications?status=SUBMITTED");
    }

    @Test
    void theApiAnswers401ProblemJsonAndNeverRedirects() {
        var http = new Http(port);
        for (var response : java.util.List.of(
                http.get("/api/v1/applications"),
                http.get("/api/v1/applications", "Accept", "text/html"),
                http.postJson("/api/v1/applications", "{}"))) {
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Location")).isEmpty();
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(Http.json(response).get("status").asInt()).isEqualTo(401);
        }
        assertThat(http.get("/api/v1/applications").headers().allValues("Set-Cookie"))
                .as("no session for a refused API call")
                .isEmpty();
    }

    @Test
    void anHtmxRequestIsToldToLoadTheSignInPage() {
        var fragment = browser.get("/applications", "HX-Request", "true");

        assertThat(fragment.statusCode()).isEqualTo(401);
        assertThat(fragment.headers().firstValue("HX-Redirect")).contains("/login");
    }

    @Test
    void theSignInPageSpeaksBothLanguages() {
        assertThat(browser.get("/login?lang=en").body())
                .contains("<h1>Sign in</h1>")
                .contains("<label for=\"username\">Username</label>")
                .contains("autocomplete=\"current-password\"");
        assertThat(browser.get("/login?lang=zh").body())
                .contains("<html lang=\"zh-CN\">")
                .contains("<label for=\"username\">用户名</label>")
                .contains("<label for=\"password\">密码</label>");
    }

    @Test
    void everyDemoUserSignsInWithTheirRoleAsAnAuthority() {
        for (var username :
                java.util.List.of("applicant.a", "applicant.b", "officer", "approver", "registrar", "admin")) {
            var client = new FormClient(port);
            assertThat(location(client.signIn(username, DemoLogins.PASSWORD)))
                    .as(username)
                    .endsWith(":" + port + "/");
        }
        var officer = users.loadUserByUsername("officer");
        assertThat(officer.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_CASE_OFFICER");

        var user = CurrentUser.from(
                        UsernamePasswordAuthenticationToken.authenticated(officer, null, officer.getAuthorities()))
                .orElseThrow();
        assertThat(user.username().value()).isEqualTo("officer");
        assertThat(user.has(Role.CASE_OFFICER)).isTrue();
        assertThat(user.has(Role.APPROVER)).isFalse();
        assertThat(user.organisation().name()).isEqualTo("上海市通信管理局");
        assertThat(CurrentUser.from(null)).isEmpty();
    }

    private static String withoutTokens(String page) {
        return page.replaceAll("value=\"[0-9a-zA-Z_-]{30,}\"", "value=\"TOKEN\"");
    }
}
