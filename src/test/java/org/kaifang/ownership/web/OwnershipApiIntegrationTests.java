package org.kaifang.ownership.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaifang.testing.Http;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code POST /api/v1/ownership/analyses}: the ownership contract over HTTP. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:it;DB_CLOSE_DELAY=-1")
class OwnershipApiIntegrationTests {

    static final String CONTRACT_EXAMPLE = """
            {
              "asOf": "2025-03-01",
              "parties": [
                { "id": "applicant", "name": "Example Cloud (Shanghai) Co., Ltd.", "kind": "COMPANY", "jurisdiction": "CN" },
                { "id": "parent", "name": "Example AG", "kind": "COMPANY", "jurisdiction": "DE" },
                { "id": "hk", "name": "Example (HK) Ltd", "kind": "COMPANY", "jurisdiction": "HK" },
                { "id": "cn-partner", "name": "张三", "kind": "PERSON", "jurisdiction": "CN" }
              ],
              "holdings": [
                { "owner": "parent", "owned": "hk", "equityPercent": 100 },
                { "owner": "hk", "owned": "applicant", "equityPercent": 60 },
                { "owner": "cn-partner", "owned": "applicant", "equityPercent": 40 }
              ],
              "control": [
                { "controller": "parent", "controlled": "applicant", "kind": "CONTRACTUAL" }
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
    void analysesTheContractExample() {
        var response = http.postJson("/api/v1/ownership/analyses", CONTRACT_EXAMPLE);

        assertThat(response.statusCode()).isEqualTo(200);
        var body = Http.json(response);
        assertThat(body.at("/foreignEquity/direct").asDouble()).isEqualTo(60.0);
        assertThat(body.at("/foreignEquity/lookThrough").asDouble()).isEqualTo(60.0);
        assertThat(body.at("/foreignEquity/lookThroughRange").toString()).isEqualTo("[60.0,60.0]");
        assertThat(body.get("foreignControlled").asBoolean()).isTrue();
        assertThat(body.at("/controllers/0/party").asString()).isEqualTo("parent");
        assertThat(body.at("/controllers/0/reason/zh").asString()).isNotBlank();
        assertThat(body.at("/effective/0/party").asString()).isEqualTo("parent");
        assertThat(body.at("/effective/0/percent").asDouble()).isEqualTo(60.0);
        assertThat(body.at("/effective/1/party").asString()).isEqualTo("cn-partner");
        assertThat(body.at("/paths/0/parties").toString()).isEqualTo("[\"parent\",\"hk\",\"applicant\"]");
    }

    @Test
    void refusesInvalidStructuresNamingTheParty() {
        var response = http.postJson("/api/v1/ownership/analyses", """
                {"parties":[{"id":"applicant","name":"A","kind":"COMPANY","jurisdiction":"CN"},
                            {"id":"x","name":"X","kind":"ROBOT","jurisdiction":"ZZ"}],
                 "holdings":[{"owner":"x","owned":"applicant","equityPercent":"sixty"}]}
                """);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        var errors = Http.json(response).get("errors").toString();
        assertThat(errors).contains("/parties/1/kind").contains("/holdings/0/equityPercent");

        var overfull = http.postJson("/api/v1/ownership/analyses", """
                {"parties":[{"id":"applicant","name":"A","kind":"COMPANY","jurisdiction":"CN"},
                            {"id":"x","name":"X","kind":"COMPANY","jurisdiction":"US"},
                            {"id":"y","name":"Y","kind":"PERSON","jurisdiction":"CN"}],
                 "holdings":[{"owner":"x","owned":"applicant","equityPercent":70},
                             {"owner":"y","owned":"applicant","equityPercent":40}]}
                """);
        assertThat(overfull.statusCode()).isEqualTo(400);
        assertThat(overfull.body()).contains("holdings in 'applicant' sum to at least 110%");

        assertThat(http.postJson("/api/v1/ownership/analyses", "[1,2").statusCode())
                .isEqualTo(400);
        assertThat(http.postJson("/api/v1/ownership/analyses", "").statusCode()).isEqualTo(400);
    }

    @Test
    void isDescribedInTheOpenApiDocument() {
        var docs = Http.json(http.get("/v3/api-docs"));
        assertThat(docs.at("/paths").has("/api/v1/ownership/analyses")).isTrue();
        assertThat(docs.at("/components/schemas").has("OwnershipStructure")).isTrue();
        assertThat(docs.at("/components/schemas").has("OwnershipAnalysis")).isTrue();
    }
}
