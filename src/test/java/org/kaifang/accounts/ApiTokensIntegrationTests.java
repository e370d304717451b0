package org.kaifang.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.kaifang.testing.DemoLogins;
import org.kaifang.testing.FormClient;
import org.kaifang.testing.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * API tokens end to end: issued through the domain and on the /account/tokens page, sent as {@code Bearer kf_…};
 * unknown, expired and revoked tokens get 401 problem+json; a token acts with its roles only, never more than its
 * user's; another organisation's applications stay invisible; only the SHA-256 of a secret is stored.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {DemoLogins.DATABASE, DemoLogins.DEMO, DemoLogins.FIXED_PASSWORD})
class ApiTokensIntegrationTests {

    private static final Pattern SECRET = Pattern.compile("id=\"secret\" readonly value=\"(kf_[A-Za-z0-9_-]{43})\"");

    private static final String APPLICATION = """
            {"type":"NEW_LICENCE","applicantName":"Lingang Cloud Data Co., Ltd.","request":
            {"asOf":"2025-06-01",
             "applicant":{"name":"Lingang Cloud Data Co., Ltd.","seat":"310115","registeredCapitalCny":10000000},
             "foreignEquityPercent":100,
             "services":[{"code":"B11","item":"IDC","coverage":["CN"],"facilities":["310115"]}]}}
            """;

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    private UserAccount user(String username) {
        return accounts.user(new Username(username)).orElseThrow();
    }

    private String issue(String username, String name, Role... roles) {
        return tokens.issue(user(username).id(), new CreateApiToken(name, Set.of(roles), 30))
                .secret();
    }

    private HttpResponse<String> call(String bearer, String method, String path, String body) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + bearer);
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        return new Http(port).send(builder.build());
    }

    private static void assertUnauthorisedProblem(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(Http.json(response).get("status").asInt()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    }

    @Test
    void aTokenAuthenticatesItsUserAndRecordsWhenItWasLastUsed() {
        var secret = issue("applicant.a", "works " + UUID.randomUUID(), Role.APPLICANT);

        var created = call(secret, "POST", "/api/v1/applications", APPLICATION);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(call(secret, "GET", "/api/v1/applications", null).body())
                .contains(Http.json(created).get("id").asString());
        var stored = tokens.of(user("applicant.a").id()).stream()
                .filter(t -> t.lastUsedAt() != null)
                .toList();
        assertThat(stored).isNotEmpty();
        assertThat(jdbc.sql("select count(*) from accounts.api_token where secret_sha256 = :hash")
                        .param("hash", ApiTokens.sha256(secret))
                        .query(Long.class)
                        .single())
                .as("only the hash of the secret is stored")
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from accounts.api_token where secret_sha256 = :secret")
                        .param("secret", secret)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void unknownMalformedExpiredAndRevokedTokensGet401ProblemJson() {
        var revoked = issue("applicant.a", "revoked " + UUID.randomUUID(), Role.APPLICANT);
        var revokedId = tokens.of(user("applicant.a").id()).getFirst().id();
        assertThat(call(revoked, "GET", "/api/v1/applications", null).statusCode())
                .isEqualTo(200);
        tokens.revoke(user("applicant.a").id(), revokedId);

        var expired = issue("applicant.a", "expired " + UUID.randomUUID(), Role.APPLICANT);
        // Time passing: the token was issued 31 days ago and expired yesterday.
        jdbc.sql("update accounts.api_token set created_at = created_at - interval '31' day,"
                        + " expires_at = expires_at - interval '31' day where secret_sha256 = :hash")
                .param("hash", ApiTokens.sha256(expired))
                .update();

        var wrong = "kf_" + "A".repeat(43);
        for (var bearer : new String[] {revoked, expired, wrong, "not-a-kaifang-token", revoked + "x", ""}) {
            assertUnauthorisedProblem(call(bearer, "GET", "/api/v1/applications", null));
        }
        assertUnauthorisedProblem(call(wrong, "GET", "/api/v1/rules/services", null));
        assertThatThrownBy(() -> tokens.revoke(user("applicant.a").id(), revokedId))
                .isInstanceOf(AccountRejected.class)
                .hasMessageContaining("revoked already");
    }

    @Test
    void revocationAndChangesToItsUserCountFromTheVeryNextRequest() {
        var company = user("applicant.a").organisation();
        var other = user("applicant.b").organisation();
        // Each change on a user of its own, each checked on the request right after it: nothing may be cached.
        record Change(String name, String sql) {}
        for (var change : new Change[] {
            new Change("revoked", null),
            new Change("disabled", "update accounts.user_account set enabled = false where id = :user"),
            new Change("role taken away", "delete from accounts.user_role where user_id = :user"),
            new Change("moved", "update accounts.user_account set organisation_id = :other where id = :user")
        }) {
            var username = "next.request." + UUID.randomUUID().toString().substring(0, 8);
            var holder = accounts.add(
                    new AddUser(username, "Next Request", company, Set.of(Role.APPLICANT), DemoLogins.PASSWORD));
            var secret = tokens.issue(holder.id(), new CreateApiToken(change.name(), Set.of(Role.APPLICANT), 7))
                    .secret();
            assertThat(call(secret, "GET", "/api/v1/applications", null).statusCode())
                    .as(change.name() + ", before")
                    .isEqualTo(200);

            if (change.sql() == null) {
                tokens.revoke(holder.id(), tokens.of(holder.id()).getFirst().id());
            } else {
                jdbc.sql(change.sql())
                        .param("user", holder.id().value())
                        .param("other", other.value())
                        .update();
            }

            assertUnauthorisedProblem(call(secret, "GET", "/api/v1/applications", null));
        }
    }

    @Test
    void aTokenActsWithItsRolesOnlyAndNeverWithRolesItsUserLacks() {
        var regulator = accounts.organisationNamed("上海市通信管理局").orElseThrow();
        var username = "two.roles." + UUID.randomUUID().toString().substring(0, 8);
        var both = accounts.add(new AddUser(
                username, "Two Roles", regulator.id(), Set.of(Role.CASE_OFFICER, Role.APPROVER), DemoLogins.PASSWORD));

        var approverOnly = tokens.issue(both.id(), new CreateApiToken("approver", Set.of(Role.APPROVER), 7))
                .secret();
        var officer = tokens.issue(both.id(), new CreateApiToken("officer", Set.of(Role.CASE_OFFICER), 7))
                .secret();

        // Importing lists is for officers and administrators: the user may, the approver-only token may not.
        assertThat(call(approverOnly, "POST", "/api/v1/screening/lists", "{}").statusCode())
                .isEqualTo(403);
        assertThat(call(officer, "POST", "/api/v1/screening/lists", "{}").statusCode())
                .as("past authorisation, refused for its body")
                .isNotIn(401, 403);

        assertThatThrownBy(() -> tokens.issue(
                        user("applicant.a").id(), new CreateApiToken("more", Set.of(Role.APPLICANT, Role.ADMIN), 30)))
                .isInstanceOf(AccountRejected.class)
                .hasMessageContaining("Role ADMIN is not one of the user's roles");
        assertThatThrownBy(() -> tokens.issue(
                        user("applicant.a").id(), new CreateApiToken(" ", Set.of(), CreateApiToken.MAX_DAYS + 1)))
                .isInstanceOfSatisfying(
                        AccountRejected.class, e -> assertThat(e.problems()).hasSize(3));
    }

    @Test
    void anotherOrganisationsApplicationsStayInvisibleWithATokenToo() {
        var a = issue("applicant.a", "org a " + UUID.randomUUID(), Role.APPLICANT);
        var b = issue("applicant.b", "org b " + UUID.randomUUID(), Role.APPLICANT);
        var id = Http.json(call(a, "POST", "/api/v1/applications", APPLICATION))
                .get("id")
                .asString();

        var read = call(b, "GET", "/api/v1/applications/" + id, null);

        assertThat(read.statusCode()).isIn(403, 404);
        assertThat(read.body()).doesNotContain("Lingang");
        assertThat(call(b, "GET", "/api/v1/applications", null).body()).doesNotContain(id);
        assertThat(call(a, "GET", "/api/v1/applications/" + id, null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void theTokensPageIssuesShowsTheSecretOnceAndRevokes() {
        var browser = new FormClient(port);
        browser.signIn("applicant.b", DemoLogins.PASSWORD);
        var name = "page " + UUID.randomUUID().toString().substring(0, 8);

        var form = new LinkedHashMap<String, String>();
        form.put("name", name);
        form.put("role", "APPLICANT");
        form.put("days", "30");
        assertThat(browser.post("/account/tokens", form).statusCode())
                .as("without the CSRF token")
                .isEqualTo(403);
        form.put("_csrf", browser.csrfToken("/account/tokens"));
        var issued = browser.post("/account/tokens", form);

        assertThat(issued.statusCode()).isEqualTo(200);
        assertThat(issued.headers().firstValue("Cache-Control")).hasValue("no-store");
        var matcher = SECRET.matcher(issued.body());
        assertThat(matcher.find()).as(issued.body()).isTrue();
        var secret = matcher.group(1);
        assertThat(call(secret, "GET", "/api/v1/applications", null).statusCode())
                .isEqualTo(200);
        var list = browser.get("/account/tokens").body();
        assertThat(list).contains(name).doesNotContain(secret);

        var token = tokens.of(user("applicant.b").id()).stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
        var revoked = browser.post(
                "/account/tokens/" + token.id() + "/revoke", Map.of("_csrf", browser.csrfToken("/account/tokens")));
        assertThat(FormClient.location(revoked)).endsWith("/account/tokens?revoked=true");
        assertUnauthorisedProblem(call(secret, "GET", "/api/v1/applications", null));
        assertThat(browser.get("/account/tokens").body())
                .contains("id=\"token-" + token.id() + "\" data-status=\"revoked\"");
    }

    @Test
    void theTokensPageReShowsTheFormWithEveryProblem() {
        var browser = new FormClient(port);
        browser.signIn("applicant.a", DemoLogins.PASSWORD);
        var form = new LinkedHashMap<String, String>();
        form.put("_csrf", browser.csrfToken("/account/tokens"));
        form.put("name", "");
        form.put("role", "ADMIN");
        form.put("days", "9999");

        var answer = browser.post("/account/tokens", form);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body())
                .contains("id=\"error-summary\"")
                .contains("Token name must not be blank")
                .contains("Role ADMIN is not one of the user's roles")
                .contains("1 to 366 days, not 9999")
                .doesNotContain("id=\"secret\"");
        assertThat(new FormClient(port).get("/account/tokens").statusCode())
                .as("signed out, the page sends the browser to sign in")
                .isEqualTo(302);
    }
}
