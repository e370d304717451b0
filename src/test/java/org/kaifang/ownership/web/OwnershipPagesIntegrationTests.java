package org.kaifang.ownership.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code POST /ownership} over plain HTTP: whatever is typed or uploaded, the answer is the page (200) or the form
 * with its problems (422), never a server error; forms without a CSRF token are refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:it;DB_CLOSE_DELAY=-1")
class OwnershipPagesIntegrationTests {

    private static final String BOUNDARY = "----kaifang-test-boundary";

    @LocalServerPort
    int port;

    @Test
    void oddInputIsAProblemNeverAServerError() throws Exception {
        var inputs = List.of(
                "null",
                "[]",
                "42",
                "{",
                "parties: 5",
                "\t{\"parties\": [], \"holdings\": []}",
                "parties: []\nholdings: []",
                "parties:\n  - {id: applicant, name: A, kind: COMPANY, jurisdiction: CN}\nholdings:\n"
                        + "  - {owner: applicant, owned: applicant, equityPercent: .nan}",
                "parties:\n  - {id: applicant, name: A, kind: COMPANY, jurisdiction: CN}\nholdings:\n"
                        + "  - {owner: x, owned: applicant, equityPercent: 1e999}",
                "asOf: not-a-date\nparties: []\nholdings: []",
                "asOf: 1999-01-01\nparties: []\nholdings: []",
                "a: &a [*a]",
                "\u0000\u0001\uFFFF",
                "key: [unclosed",
                "{\"parties\": [{\"id\": 1, \"name\": [], \"kind\": {}, \"jurisdiction\": null}], \"holdings\": {}}");
        try (var session = new Session()) {
            for (var input : inputs) {
                var response = session.post(Map.of("structure", input), Map.of());
                assertThat(response.statusCode()).as(input).isIn(200, 422);
                assertThat(response.body()).as(input).contains("<h1>Ownership structure</h1>");
                if (response.statusCode() == 422) {
                    assertThat(response.body()).as(input).contains("id=\"error-summary\"");
                }
            }
            var garbage = session.post(Map.of(), Map.of("file", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2}));
            assertThat(garbage.statusCode()).isEqualTo(422);
            var badCsv = session.post(
                    Map.of(),
                    Map.of(
                            "parties",
                            "id,name\n\"unclosed".getBytes(StandardCharsets.UTF_8),
                            "holdings",
                            "owner,owned\n".getBytes(StandardCharsets.UTF_8)));
            assertThat(badCsv.statusCode()).isEqualTo(422);
            assertThat(badCsv.body()).contains("parties.csv");
        }
    }

    @Test
    void aStructureTooLargeToDrawIsStillAnalysedInTables() throws Exception {
        var yaml =
                new StringBuilder("parties:\n  - {id: applicant, name: Applicant, kind: COMPANY, jurisdiction: CN}\n");
        for (int i = 0; i < OwnershipGraph.MAX_PARTIES + 5; i++) {
            yaml.append("  - {id: p").append(i).append(", name: Holder ").append(i);
            yaml.append(", kind: COMPANY, jurisdiction: ")
                    .append(i % 2 == 0 ? "US" : "CN")
                    .append("}\n");
        }
        yaml.append("holdings:\n");
        for (int i = 0; i < OwnershipGraph.MAX_PARTIES + 5; i++) {
            yaml.append("  - {owner: p").append(i).append(", owned: applicant, equityPercent: 0.5}\n");
        }
        try (var session = new Session()) {
            var response = session.post(Map.of("structure", yaml.toString()), Map.of());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("id=\"graph-too-large\"").doesNotContain("<svg");
            assertThat(response.body()).contains("data-party=\"p124\"");
        }
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        try (var client = HttpClient.newHttpClient()) {
            var response = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ownership"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("structure=parties%3A+%5B%5D"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(403);
        }
    }

    /** A browser-like session: the CSRF token and cookie from a GET, then multipart POSTs. */
    private final class Session implements AutoCloseable {
        private final HttpClient client =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private final String token;

        Session() throws IOException, InterruptedException {
            var page = client.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ownership?lang=en"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            var matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(matcher.find()).as("CSRF token on /ownership").isTrue();
            token = matcher.group(1);
        }

        HttpResponse<String> post(Map<String, String> fields, Map<String, byte[]> files)
                throws IOException, InterruptedException {
            var all = new LinkedHashMap<String, String>();
            all.put("_csrf", token);
            all.putAll(fields);
            var body = new ByteArrayOutputStream();
            for (var field : all.entrySet()) {
                write(
                        body,
                        "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                                + field.getValue() + "\r\n");
            }
            for (var file : files.entrySet()) {
                write(
                        body,
                        "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + file.getKey()
                                + "\"; filename=\"" + file.getKey()
                                + ".txt\"\r\nContent-Type: application/octet-stream\r\n\r\n");
                body.write(file.getValue());
                write(body, "\r\n");
            }
            write(body, "--" + BOUNDARY + "--\r\n");
            return client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ownership"))
                            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                            .header("Accept-Language", "en")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private static void write(ByteArrayOutputStream out, String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
