package org.kaifang.applications.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kaifang.testing.DemoLogins;
import org.kaifang.testing.Http;
import org.kaifang.testing.SampleFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The wizard over REST, on the same draft the pages edit: each step saves its section (problems as problem+json, naming
 * the field, nothing stored), progress says where to resume, submission is refused until the rule pack's completeness
 * rule is met, and only the applicant organisation's applicants edit.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {DemoLogins.DATABASE, DemoLogins.DEMO, DemoLogins.FIXED_PASSWORD})
class DraftsApiIntegrationTests {

    private static final String COMPANY = """
            {"version":%d,"applicant":{"name":"Lingang Cloud Data Co., Ltd.","uscc":"91310115MA1K4LXQ26",
             "seat":"310115","registeredCapitalCny":10000000,"legalRepresentative":"王芳",
             "address":"1 Century Avenue, Pudong, Shanghai"}}""";

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.kaifang.audit.AuditTrail audit;

    private HttpRequest.Builder request(String user, String path) {
        var token =
                Base64.getEncoder().encodeToString((user + ":" + DemoLogins.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + token)
                .header("Accept", "application/json");
    }

    private HttpResponse<String> call(String user, String method, String path, String body) {
        var builder = request(user, path);
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        try {
            return client.send(
                    builder.method(
                                    method,
                                    body == null
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> upload(String application, String kind) {
        var boundary = "----kaifang" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n"
                        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + kind
                        + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(SampleFiles.pdf());
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            return client.send(
                    request("applicant.a", "/api/v1/applications/" + application + "/documents")
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private JsonNode draft() {
        var response = call("applicant.a", "POST", "/api/v1/applications", """
                {"type":"NEW_LICENCE","applicantName":"Lingang Cloud Data Co., Ltd.",
                 "request":{"asOf":"2025-06-01","applicant":{"name":"Lingang Cloud Data Co., Ltd."}}}""");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response);
    }

    private JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private JsonNode progress(String id) {
        return ok(call("applicant.a", "GET", "/api/v1/applications/" + id + "/steps", null));
    }

    private static JsonNode step(JsonNode progress, String name) {
        for (var s : progress.get("steps")) {
            if (s.get("step").asString().equals(name)) {
                return s;
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void aDraftIsCompletedStepByStepAndSubmittedOnlyOnceComplete() {
        var id = draft().get("id").asString();
        var fresh = progress(id);
        assertThat(fresh.get("resumeAt").asString()).isEqualTo("company");
        assertThat(step(fresh, "company").get("problems").findValuesAsString("pointer"))
                .contains("/applicant/uscc", "/applicant/legalRepresentative", "/applicant/seat");
        assertThat(fresh.get("canSubmit").asBoolean()).isFalse();

        var company =
                ok(call("applicant.a", "PUT", "/api/v1/applications/" + id + "/steps/company", COMPANY.formatted(1)));
        var ownership = ok(call(
                "applicant.a",
                "PUT",
                "/api/v1/applications/" + id + "/steps/ownership",
                "{\"version\":2,\"foreignEquityPercent\":49}"));
        var services = ok(call("applicant.a", "PUT", "/api/v1/applications/" + id + "/steps/services", """
                {"version":3,"type":"NEW_LICENCE",
                 "services":[{"code":"B11","item":"IDC","coverage":["CN"],"facilities":["310115"]}]}"""));

        assertThat(company.get("version").asLong()).isEqualTo(2);
        assertThat(ownership.get("version").asLong()).isEqualTo(3);
        assertThat(services.get("version").asLong()).isEqualTo(4);
        var saved = progress(id);
        assertThat(step(saved, "company").get("complete").asBoolean()).isTrue();
        assertThat(step(saved, "ownership").get("complete").asBoolean()).isTrue();
        assertThat(step(saved, "services").get("complete").asBoolean()).isTrue();
        assertThat(saved.get("resumeAt").asString()).isEqualTo("documents");
        assertThat(saved.at("/rule/parameter").asString()).isEqualTo("submission.complete-before-submitting");

        // Required documents missing: refused with a clear message, nothing changes.
        var early = call("applicant.a", "POST", "/api/v1/applications/" + id + "/steps/submission", "{\"version\":4}");
        assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
        assertThat(early.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        var refusal = Http.json(early);
        assertThat(refusal.get("incompleteSteps").get(0).asString()).isEqualTo("documents");
        assertThat(refusal.get("missingDocuments").size()).isGreaterThan(0);
        assertThat(refusal.get("detail").asString()).contains("APPLICATION_FORM");

        var missing = new ArrayList<String>();
        saved.get("missingDocuments").forEach(k -> missing.add(k.asString()));
        for (var kind : missing) {
            assertThat(upload(id, kind).statusCode()).isEqualTo(201);
        }
        assertThat(progress(id).get("canSubmit").asBoolean()).isTrue();

        var submitted =
                ok(call("applicant.a", "POST", "/api/v1/applications/" + id + "/steps/submission", "{\"version\":4}"));
        assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.toString()).contains("determination");

        // Each saved step and the submission left an audit record of the application.
        // A record reaches the chain just after its commit: wait for the chainer before reading it.
        assertThat(audit.awaitChained(java.time.Duration.ofSeconds(10))).isTrue();
        var actions = jdbc.sql("select action from audit.audit_record where subject_id = :id order by seq")
                .param("id", id)
                .query(String.class)
                .list();
        assertThat(actions).containsSubsequence("create", "step-company", "step-ownership", "step-services", "submit");

        // A submitted application is no longer edited step by step.
        var late = call("applicant.a", "PUT", "/api/v1/applications/" + id + "/steps/company", COMPANY.formatted(5));
        assertThat(late.statusCode()).isEqualTo(409);
    }

    @Test
    void aStepWithProblemsNamesEachFieldAndSavesNothing() {
        var id = draft().get("id").asString();

        var response = call("applicant.a", "PUT", "/api/v1/applications/" + id + "/steps/company", """
                {"version":1,"applicant":{"name":"Lingang Cloud","uscc":"91310115MA1K4LXQ27","seat":"999999",
                 "registeredCapitalCny":"lots","colour":"blue"},"services":[]}""");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        var pointers = Http.json(response).get("errors").findValuesAsString("pointer");
        assertThat(pointers)
                .contains(
                        "/applicant/uscc",
                        "/applicant/seat",
                        "/applicant/registeredCapitalCny",
                        "/applicant/colour",
                        "/applicant/legalRepresentative",
                        "/applicant/address",
                        "/services");
        assertThat(progress(id).get("version").asLong()).isEqualTo(1);
    }

    @Test
    void onlyTheApplyingOrganisationsApplicantsEditTheDraftAndAStaleVersionIsRefused() {
        var id = draft().get("id").asString();
        var path = "/api/v1/applications/" + id + "/steps/ownership";
        var body = "{\"version\":1,\"foreignEquityPercent\":10}";

        assertThat(call("applicant.b", "PUT", path, body).statusCode()).isEqualTo(404);
        assertThat(call("officer", "PUT", path, body).statusCode()).isEqualTo(403);
        assertThat(call("applicant.b", "GET", "/api/v1/applications/" + id + "/steps", null)
                        .statusCode())
                .isEqualTo(404);
        ok(call("applicant.a", "PUT", path, body));
        assertThat(call("applicant.a", "PUT", path, body).statusCode()).isEqualTo(409);
        assertThat(call("applicant.a", "PUT", "/api/v1/applications/" + id + "/steps/review", body)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void anOwnershipStructureIsSavedInsteadOfAFigureAndItsForeignShareComputed() {
        var id = draft().get("id").asString();
        ok(call("applicant.a", "PUT", "/api/v1/applications/" + id + "/steps/ownership", """
                {"version":1,"ownership":{
                  "parties":[{"id":"applicant","name":"Lingang Cloud Data Co., Ltd.","kind":"COMPANY","jurisdiction":"CN"},
                             {"id":"parent","name":"Example AG","kind":"COMPANY","jurisdiction":"DE"},
                             {"id":"local","name":"张三","kind":"PERSON","jurisdiction":"CN"}],
                  "holdings":[{"owner":"parent","owned":"applicant","equityPercent":40},
                              {"owner":"local","owned":"applicant","equityPercent":60}]}}"""));

        var application = ok(call("applicant.a", "GET", "/api/v1/applications/" + id, null));
        assertThat(step(progress(id), "ownership").get("complete").asBoolean()).isTrue();
        assertThat(application.at("/request/ownership/parties/1/name").asString())
                .isEqualTo("Example AG");
        assertThat(application.at("/request/foreignEquityPercent").isMissingNode())
                .isTrue();
    }
}
