package org.kaifang;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaifang.testing.Http;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The running server: operations endpoints, the web shell, languages and error handling. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:it;DB_CLOSE_DELAY=-1")
class KaifangApplicationIntegrationTests {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void reportsHealthAndPrometheusMetrics() {
        var health = http.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(Http.json(health).get("status").asString()).isEqualTo("UP");

        http.get("/");
        var metrics = http.get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("http_server_requests_seconds_count")
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void describesTheApiWithOpenApiAndServesSwaggerUi() {
        var docs = http.get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        var paths = Http.json(docs).get("paths");
        assertThat(paths.has("/api/v1/determinations")).isTrue();
        assertThat(paths.has("/api/v1/determinations/{id}")).isTrue();
        assertThat(paths.has("/api/v1/rules/opening")).isTrue();
        assertThat(http.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
    }

    @Test
    void servesTheHomePageInChineseByDefaultAndInEnglishWhenAsked() {
        var chinese = http.get("/");
        assertThat(chinese.statusCode()).isEqualTo(200);
        assertThat(chinese.body()).contains("<html lang=\"zh-CN\">").contains("准入判定");

        var english = http.get("/", "Accept-Language", "en-GB,en;q=0.9");
        assertThat(english.body()).contains("<html lang=\"en\">").contains("Eligibility check");

        var switched = http.get("/?lang=en", "Accept-Language", "zh-CN");
        assertThat(switched.body()).contains("<html lang=\"en\">");
        assertThat(switched.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("kaifang-lang=en"));
    }

    @Test
    void answersUnknownPagesWithoutLeakingInternals() {
        var page = http.get("/determinations/not-an-id", "Accept", "text/html", "Accept-Language", "en");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body())
                .contains("Page not found")
                .doesNotContain("Exception")
                .doesNotContain("at org.");

        var unlisted = http.get("/internal/anything", "Accept", "application/json");
        assertThat(unlisted.statusCode()).isEqualTo(401);
        assertThat(unlisted.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
    }

    @Test
    void refusesOversizedBodiesWith413() {
        var body = "{\"asOf\":\"" + "x".repeat(1_100_000) + "\"}";
        var response = http.send(HttpRequest.newBuilder(URI.create(http.base() + "/api/v1/determinations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void protectsFormsAgainstCrossSiteRequests() {
        var response = http.post("/check", "application/x-www-form-urlencoded", "name=x&seat=310115");
        assertThat(response.statusCode()).isEqualTo(403);
    }
}
