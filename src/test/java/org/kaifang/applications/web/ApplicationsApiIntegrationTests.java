package org.kaifang.applications.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.kaifang.testing.DemoLogins;
import org.kaifang.testing.Http;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The applications API end to end with the demo users over HTTP Basic: the whole journey, four-eyes, object-level
 * access, stale versions, concurrent officers, idempotent creation and invalid input.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {DemoLogins.DATABASE, DemoLogins.DEMO, DemoLogins.FIXED_PASSWORD})
class ApplicationsApiIntegrationTests {

    static final String REQUEST = """
            {"asOf":"2025-06-01",
             "applicant":{"name":"Lingang Cloud Data Co., Ltd.","seat":"310115","registeredCapitalCny":10000000},
             "foreignEquityPercent":100,
             "services":[{"code":"B11","item":"IDC","coverage":["CN"],"facilities":["310115"]}]}
            """;

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpResponse<String> call(String user, String method, String path, String body, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json");
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        if (user != null) {
            var token = Base64.getEncoder()
                    .encodeToString((user + ":" + DemoLogins.PASSWORD).getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private JsonNode create(String key) {
        var response =
                call("applicant.a", "POST", "/api/v1/applications", """
                {"type":"NEW_LICENCE","applicantName":"Lingang Cloud Data Co., Ltd.","request":%s}
                """.formatted(REQUEST), "Idempotency-Key", key);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response);
    }

    private JsonNode act(String user, JsonNode app, String transition, String extra) {
        var response = post(user, app, transition, extra);
        assertThat(response.statusCode())
                .as(transition + ": " + response.body())
                .isEqualTo(200);
        return Http.json(response);
    }

    private HttpResponse<String> post(String user, JsonNode app, String transition, String extra) {
        var body = "{\"version\":" + app.get("version").asLong() + (extra.isEmpty() ? "" : "," + extra) + "}";
        return call(user, "POST", "/api/v1/applications/" + app.get("id").asString() + "/" + transition, body);
    }

    @Test
    void theWholeJourneyWithFourEyes() {
        var app = create(UUID.randomUUID().toString());
        assertThat(app.get("status").asString()).isEqualTo("DRAFT");

        app = act("applicant.a", app, "submit", "");
        assertThat(app.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(app.at("/submission/overall").asString()).isEqualTo("PERMITTED");
        assertThat(app.at("/clocks/acceptance/days").asInt()).isEqualTo(5);
        assertThat(app.at("/clocks/acceptance/unit").asString()).isEqualTo("WORKING");

        app = act("officer", app, "correction-request", "\"reason\":\"The IDC site lease is missing\"");
        assertThat(app.get("status").asString()).isEqualTo("CORRECTION_REQUESTED");
        assertThat(app.at("/clocks/acceptance/state").asString()).isEqualTo("PAUSED");

        app = act("applicant.a", app, "resubmission", "");
        app = act("officer", app, "acceptance", "");
        assertThat(app.at("/clocks/decision/days").asInt()).isEqualTo(60);
        assertThat(app.at("/clocks/acceptance/state").asString()).isEqualTo("STOPPED");
        app = act("officer", app, "review", "");
        app = act("officer", app, "recommendation", "\"verdict\":\"APPROVE\",\"reason\":\"Meets Order 42 art. 6\"");

        var officerDecides = post("officer", app, "decision", "\"verdict\":\"APPROVE\",\"reason\":\"ok\"");
        assertThat(officerDecides.statusCode()).isEqualTo(403);
        assertThat(officerDecides.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        var applicantDecides = post("applicant.a", app, "decision", "\"verdict\":\"APPROVE\",\"reason\":\"ok\"");
        assertThat(applicantDecides.statusCode()).isEqualTo(403);

        app = act("approver", app, "decision", "\"verdict\":\"APPROVE\",\"reason\":\"Approved as recommended\"");
        assertThat(app.get("status").asString()).isEqualTo("APPROVED");
        assertThat(app.get("history").size()).isEqualTo(8);
        assertThat(app.at("/decision/verdict").asString()).isEqualTo("APPROVE");
    }

    @Test
    void anotherCompanyCannotSeeOrTouchTheApplication() {
        var app = create(UUID.randomUUID().toString());
        var path = "/api/v1/applications/" + app.get("id").asString();

        assertThat(call("applicant.b", "GET", path, null).statusCode()).isEqualTo(404);
        assertThat(post("applicant.b", app, "submit", "").statusCode()).isEqualTo(404);
        assertThat(call("applicant.a", "GET", path, null).statusCode()).isEqualTo(200);
        assertThat(call("officer", "GET", path, null).statusCode()).isEqualTo(200);
        assertThat(call(null, "GET", path, null).statusCode()).isEqualTo(401);
        var list = Http.json(call("applicant.b", "GET", "/api/v1/applications", null));
        assertThat(list.get("applications").valueStream().map(a -> a.get("id").asString()))
                .doesNotContain(app.get("id").asString());
    }

    @Test
    void aStaleVersionIsAConflict() {
        var app = create(UUID.randomUUID().toString());
        act("applicant.a", app, "submit", "");

        var stale = post("applicant.a", app, "withdrawal", "\"reason\":\"changed our plans\"");

        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(Http.json(stale).get("detail").asString()).contains("reload");
    }

    @Test
    void twoOfficersActingAtOnceGetOneSuccessAndOneConflict() throws Exception {
        var app = act("applicant.a", create(UUID.randomUUID().toString()), "submit", "");
        Callable<Integer> accept = () -> post("officer", app, "acceptance", "").statusCode();
        Callable<Integer> correct = () -> post("officer", app, "correction-request", "\"reason\":\"missing\"")
                .statusCode();

        try (var pool = Executors.newFixedThreadPool(2)) {
            var a = pool.submit(accept);
            var b = pool.submit(correct);
            assertThat(java.util.List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 409);
        }
    }

    @Test
    void creationIsIdempotentPerKey() {
        var key = UUID.randomUUID().toString();
        var first = create(key);
        var again = create(key);

        assertThat(again.get("id").asString()).isEqualTo(first.get("id").asString());

        var different =
                call("applicant.a", "POST", "/api/v1/applications", """
                {"type":"RENEWAL","applicantName":"Other","request":%s}
                """.formatted(REQUEST), "Idempotency-Key", key);
        assertThat(different.statusCode()).isEqualTo(409);
    }

    @Test
    void invalidInputNamesEveryField() {
        var response = call("applicant.a", "POST", "/api/v1/applications", """
                {"type":"LICENCE","extra":1}
                """);

        assertThat(response.statusCode()).isEqualTo(400);
        var pointers = Http.json(response)
                .get("errors")
                .valueStream()
                .map(e -> e.get("pointer").asString())
                .toList();
        assertThat(pointers).contains("/type", "/applicantName", "/request", "/extra");
    }

    @Test
    void anInvalidStoredRequestIsReportedOnSubmissionWithPointersIntoTheRequest() {
        var response = call("applicant.a", "POST", "/api/v1/applications", """
                {"type":"NEW_LICENCE","applicantName":"Lingang Cloud Data Co., Ltd.",
                 "request":{"asOf":"2025-02-30","applicant":{"name":"x","seat":"999999"},"services":[]}}
                """);
        var app = Http.json(response);

        var submit = post("applicant.a", app, "submit", "");

        assertThat(submit.statusCode()).isEqualTo(400);
        assertThat(Http.json(submit)
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("pointer").asString()))
                .contains("/request/asOf", "/request/applicant/seat");
        var reread = Http.json(call(
                "applicant.a", "GET", "/api/v1/applications/" + app.get("id").asString(), null));
        assertThat(reread.get("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void theSessionCookieDoesNotAuthenticateTheApi() {
        // A browser signed in to the pages must not be able to make API calls: the API ignores sessions.
        var response = call(null, "GET", "/api/v1/applications", null, "Cookie", "SESSION=whatever");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    }
}
