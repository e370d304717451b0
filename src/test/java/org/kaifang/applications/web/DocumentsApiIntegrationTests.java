package org.kaifang.applications.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kaifang.testing.DemoLogins;
import org.kaifang.testing.Http;
import org.kaifang.testing.SampleFiles;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The documents API over HTTP with the demo users: uploads in a draft, no replacement after submission, a correction's
 * new version, access exactly as the application's, and the refusals (too large, wrong type) as problem+json.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {DemoLogins.DATABASE, DemoLogins.DEMO, DemoLogins.FIXED_PASSWORD})
class DocumentsApiIntegrationTests {

    private static final long TEN_MB = 10L * 1024 * 1024;

    private final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HttpRequest.Builder request(String user, String path) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            var token = Base64.getEncoder()
                    .encodeToString((user + ":" + DemoLogins.PASSWORD).getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + token);
        }
        return builder;
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request, handler);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<String> json(String user, String method, String path, String body) {
        var builder = request(user, path).header("Accept", "application/json");
        if (body == null) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart upload: {@code kind} and {@code file}, with whatever name and declared type the client claims. */
    private HttpResponse<String> upload(
            String user, String application, String kind, String fileName, String declaredType, byte[] content) {
        var boundary = "----kaifang" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        var head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + declaredType + "\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(
                request(user, "/api/v1/applications/" + application + "/documents")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode create() {
        var response = json(
                "applicant.a", "POST", "/api/v1/applications", """
                {"type":"NEW_LICENCE","applicantName":"Lingang Cloud Data Co., Ltd.","request":%s}
                """.formatted(ApplicationsApiIntegrationTests.REQUEST));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Http.json(response);
    }

    private JsonNode act(String user, JsonNode app, String transition, String extra) {
        var body = "{\"version\":" + app.get("version").asLong() + (extra.isEmpty() ? "" : "," + extra) + "}";
        var response =
                json(user, "POST", "/api/v1/applications/" + app.get("id").asString() + "/" + transition, body);
        assertThat(response.statusCode())
                .as(transition + ": " + response.body())
                .isEqualTo(200);
        return Http.json(response);
    }

    private JsonNode list(String user, String application) {
        var response = json(user, "GET", "/api/v1/applications/" + application + "/documents", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }

    @Test
    void anApplicantUploadsInADraftAndReplacesThere() throws Exception {
        var id = create().get("id").asString();
        var pdf = SampleFiles.pdf();

        var first = upload("applicant.a", id, "ARTICLES", "章程.pdf", "application/pdf", pdf);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        var document = Http.json(first);
        assertThat(document.get("kind").asString()).isEqualTo("ARTICLES");
        assertThat(document.get("version").asInt()).isEqualTo(1);
        assertThat(document.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(document.get("size").asLong()).isEqualTo(pdf.length);
        assertThat(document.get("sha256").asString()).isEqualTo(sha256(pdf));
        assertThat(document.get("fileName").asString()).isEqualTo("章程.pdf");
        assertThat(document.at("/uploadedBy/username").asString()).isEqualTo("applicant.a");
        assertThat(first.headers().firstValue("Location"))
                .contains(document.get("href").asString());

        var png = SampleFiles.png();
        var replaced = upload("applicant.a", id, "ARTICLES", "articles.pdf", "application/pdf", png);
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(201);
        assertThat(Http.json(replaced).get("contentType").asString()).isEqualTo("image/png");

        var listed = list("applicant.a", id);
        assertThat(listed.get("documents").size()).isEqualTo(1);
        assertThat(listed.at("/documents/0/version").asInt()).isEqualTo(1);
        assertThat(listed.at("/documents/0/sha256").asString()).isEqualTo(sha256(png));
        assertThat(listed.get("uploadAllowed").asBoolean()).isTrue();
        assertThat(listed.at("/requiredBy/instrument").asString()).isEqualTo("ORDER-42");
        assertThat(listed.get("missing").valueStream().map(JsonNode::asString))
                .contains("BUSINESS_LICENCE", "TECHNICAL_PLAN")
                .doesNotContain("ARTICLES");
    }

    @Test
    void afterSubmissionADocumentIsNeverReplacedAndACorrectionAddsAVersion() throws Exception {
        var app = create();
        var id = app.get("id").asString();
        var jpeg = SampleFiles.jpeg();
        assertThat(upload("applicant.a", id, "BUSINESS_LICENCE", "licence.jpg", "image/jpeg", jpeg)
                        .statusCode())
                .isEqualTo(201);
        app = act("applicant.a", app, "submit", "");

        var replace =
                upload("applicant.a", id, "BUSINESS_LICENCE", "licence.pdf", "application/pdf", SampleFiles.pdf());
        assertProblem(replace, 409);
        assertThat(Http.json(replace).get("detail").asString()).contains("never replaced");
        assertThat(list("applicant.a", id).get("uploadAllowed").asBoolean()).isFalse();

        app = act("officer", app, "correction-request", "\"reason\":\"The business licence scan is illegible\"");
        var pdf = SampleFiles.pdf();
        var corrected = upload("applicant.a", id, "BUSINESS_LICENCE", "licence-clear.pdf", "application/pdf", pdf);
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        assertThat(Http.json(corrected).get("version").asInt()).isEqualTo(2);

        var documents = list("officer", id).get("documents");
        assertThat(documents.size()).isEqualTo(2);
        assertThat(documents.get(0).get("version").asInt()).isEqualTo(1);
        assertThat(documents.get(0).get("sha256").asString()).isEqualTo(sha256(jpeg));
        assertThat(documents.get(1).get("version").asInt()).isEqualTo(2);
        assertThat(documents.get(1).get("sha256").asString()).isEqualTo(sha256(pdf));

        act("applicant.a", app, "resubmission", "");
        assertProblem(upload("applicant.a", id, "ARTICLES", "a.pdf", "application/pdf", pdf), 409);
    }

    @Test
    void accessIsExactlyTheApplications() throws Exception {
        var id = create().get("id").asString();
        var pdf = SampleFiles.pdf();
        var href = Http.json(upload("applicant.a", id, "ARTICLES", "articles.pdf", "application/pdf", pdf))
                .get("href")
                .asString();

        assertProblem(json("applicant.b", "GET", "/api/v1/applications/" + id + "/documents", null), 404);
        assertProblem(json("applicant.b", "GET", href, null), 404);
        assertProblem(upload("applicant.b", id, "ARTICLES", "x.pdf", "application/pdf", pdf), 404);
        assertThat(json(null, "GET", href, null).statusCode()).isEqualTo(401);
        assertProblem(upload("officer", id, "ARTICLES", "x.pdf", "application/pdf", pdf), 403);
        assertProblem(upload("officer", id, "ARTICLES", "x.pdf", "application/pdf", SampleFiles.html()), 403);

        var download = send(request("officer", href).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("attachment").contains("articles-v1.pdf"));
        var unknown = "/api/v1/applications/" + id + "/documents/" + UUID.randomUUID();
        assertProblem(json("officer", "GET", unknown, null), 404);
    }

    @Test
    void aFileOverTheLimitIs413() {
        var id = create().get("id").asString();
        var header = "%PDF-1.4\n%".getBytes(StandardCharsets.US_ASCII);
        var atTheLimit =
                SampleFiles.concat(Arrays.copyOf(header, (int) TEN_MB - SampleFiles.pdf().length), SampleFiles.pdf());
        Arrays.fill(atTheLimit, header.length, (int) TEN_MB - SampleFiles.pdf().length, (byte) ' ');
        var accepted = upload("applicant.a", id, "TECHNICAL_PLAN", "plan.pdf", "application/pdf", atTheLimit);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        assertThat(Http.json(accepted).get("size").asLong()).isEqualTo(TEN_MB);
        var tooLarge = Arrays.copyOf(SampleFiles.pdf(), (int) TEN_MB + 1);

        var response = upload("applicant.a", id, "ARTICLES", "big.pdf", "application/pdf", tooLarge);

        assertProblem(response, 413);
        assertThat(Http.json(response).get("detail").asString()).contains("at most " + TEN_MB + " bytes");
        var farTooLarge =
                upload("applicant.a", id, "ARTICLES", "huge.pdf", "application/pdf", new byte[(int) TEN_MB * 2]);
        assertProblem(farTooLarge, 413);
    }

    @Test
    void theContentDecidesTheTypeAndABadFileIs400NamingTheFile() {
        var id = create().get("id").asString();

        var html = upload("applicant.a", id, "ARTICLES", "articles.pdf", "application/pdf", SampleFiles.html());
        assertProblem(html, 400);
        var problem = Http.json(html);
        assertThat(problem.at("/errors/0/pointer").asString()).isEqualTo("/file");
        assertThat(problem.at("/errors/0/message").asString()).contains("not a PDF, PNG or JPEG");

        var empty = upload("applicant.a", id, "ARTICLES", "articles.pdf", "application/pdf", new byte[0]);
        assertProblem(empty, 400);
        assertThat(Http.json(empty).at("/errors/0/pointer").asString()).isEqualTo("/file");

        var polyglot = upload(
                "applicant.a",
                id,
                "ARTICLES",
                "articles.pdf",
                "application/pdf",
                SampleFiles.concat(SampleFiles.pdf(), SampleFiles.zip()));
        assertProblem(polyglot, 400);

        var kind = upload("applicant.a", id, "CURRICULUM_VITAE", "cv.pdf", "application/pdf", SampleFiles.pdf());
        assertProblem(kind, 400);
        assertThat(Http.json(kind).at("/errors/0/pointer").asString()).isEqualTo("/kind");
        assertThat(list("applicant.a", id).get("documents").size()).isZero();
    }
}
