package org.kaifang.screening.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaifang.testing.Http;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code POST /api/v1/screenings}: the screening contract over HTTP, without a login. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:screening-it;DB_CLOSE_DELAY=-1")
class ScreeningsApiIntegrationTests {

    static final String CONTRACT_EXAMPLE = """
            {
              "asOf": "2025-06-01",
              "parties": [
                { "name": "Lockheed Martin Corp", "kind": "COMPANY", "jurisdiction": "US" },
                { "name": "洛克希德·马丁公司" },
                { "name": "Example Cloud (Shanghai) Co., Ltd." }
              ]
            }
            """;

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void screensTheContractExample() {
        var response = http.postJson("/api/v1/screenings", CONTRACT_EXAMPLE);

        assertThat(response.statusCode()).isEqualTo(200);
        var body = Http.json(response);
        assertThat(body.get("asOf").asString()).isEqualTo("2025-06-01");
        assertThat(body.at("/lists/0/id").asString()).isEqualTo("kaifang-cn");
        assertThat(body.at("/lists/0/version").asString()).isNotBlank();
        assertThat(body.at("/results/0/query").asString()).isEqualTo("Lockheed Martin Corp");
        assertThat(body.at("/results/0/outcome").asString()).isEqualTo("MATCH");
        assertThat(body.at("/results/0/hits/0/name").asString()).isEqualTo("Lockheed Martin Corporation");
        assertThat(body.at("/results/0/hits/0/score").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(body.at("/results/0/hits/0/listings/0/list").asString()).isEqualTo("UEL");
        assertThat(body.at("/results/0/hits/0/listings/0/date").asString()).isEqualTo("2023-02-16");
        assertThat(body.at("/results/0/hits/0/listings/0/status").asString()).isEqualTo("ACTIVE");
        assertThat(body.at("/results/0/hits/0/listings/0/measures").toString())
                .isEqualTo("[\"NO_NEW_INVESTMENT\",\"NO_TRADE\"]");
        assertThat(body.at("/results/0/hits/0/listings/0/url").asString()).startsWith("http://www.mofcom.gov.cn/");
        assertThat(body.at("/results/0/hits/0/explanation/zh").asString()).contains("不可靠实体清单");
        assertThat(body.at("/results/0/hits/0/explanation/en").asString()).contains("Unreliable Entity List");
        assertThat(body.at("/results/1/outcome").asString()).isEqualTo("MATCH");
        assertThat(body.at("/results/1/hits/0/entry").asString()).isEqualTo("lockheed-martin-corporation");
        assertThat(body.at("/results/2/outcome").asString()).isEqualTo("CLEAR");
        assertThat(body.at("/results/2/hits").size()).isZero();
    }

    @Test
    void reportsEveryProblemWithItsPointer() {
        var response = http.postJson("/api/v1/screenings", """
                {"asOf": "1 June", "parties": [{"name": "A"}, {"name": " "}, {"name": "B", "kind": "VESSEL"}]}
                """);

        assertThat(response.statusCode()).isEqualTo(400);
        var body = Http.json(response);
        assertThat(body.get("type").asString()).isEqualTo("urn:kaifang:problem:invalid-screening-request");
        assertThat(body.get("errors").findValuesAsString("pointer"))
                .containsExactly("/asOf", "/parties/1/name", "/parties/2/kind");
    }

    @Test
    void refusesMalformedJson() {
        var response = http.postJson("/api/v1/screenings", "{\"parties\": [");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).at("/errors/0/message").asString()).startsWith("malformed JSON");
    }
}
