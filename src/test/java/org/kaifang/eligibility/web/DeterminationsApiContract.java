package org.kaifang.eligibility.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaifang.testing.Http;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The determination contract over HTTP ({@code ../shared/contracts/determination.md}), run by subclasses against each
 * database the server can use.
 */
abstract class DeterminationsApiContract {

    static final String CONTRACT_EXAMPLE = """
            {
              "asOf": "2025-03-01",
              "applicant": {
                "name": "Example Cloud (Shanghai) Co., Ltd.",
                "uscc": "91310115MA1H7AB3C3",
                "seat": "310115",
                "zones": ["CN-SH-LINGANG"],
                "registeredCapitalCny": 10000000,
                "creditStatus": []
              },
              "foreignEquityPercent": 100,
              "ownership": null,
              "services": [
                { "code": "B11", "item": "IRCS", "coverage": ["CN"], "facilities": ["310115"], "content": [] }
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
    void createsTheContractExampleAndReturnsItAtItsLocation() {
        var created = http.postJson("/api/v1/determinations", CONTRACT_EXAMPLE);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        var body = Http.json(created);
        var location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location)
                .isEqualTo("/api/v1/determinations/" + body.get("id").asString());

        assertThat(body.get("asOf").asString()).isEqualTo("2025-03-01");
        assertThat(body.at("/rulePack/id").asString()).isEqualTo("telecom-vas");
        assertThat(body.at("/rulePack/version").asString()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(body.at("/rulePack/digest").asString()).matches("sha256:[0-9a-f]{64}");
        assertThat(body.get("overall").asString()).isEqualTo("PERMITTED");
        assertThat(body.at("/authority/code").asString()).isEqualTo("MIIT");
        assertThat(body.at("/authority/name/zh").asString()).isEqualTo("工业和信息化部");
        assertThat(body.get("licenceScope").asString()).isEqualTo("CROSS_REGIONAL");
        assertThat(body.get("foreignEquityPercent").decimalValue()).isEqualByComparingTo("100");
        var service = body.at("/services/0");
        assertThat(service.get("code").asString()).isEqualTo("B11");
        assertThat(service.get("item").asString()).isEqualTo("IRCS");
        assertThat(service.get("outcome").asString()).isEqualTo("PERMITTED");
        assertThat(service.get("foreignEquityCapPercent").isNull()).isTrue();
        assertThat(service.get("conditions").size()).isPositive();
        for (var finding : allFindings(body)) {
            assertThat(finding.get("rule").asString()).isNotBlank();
            assertThat(finding.get("outcome").asString()).isIn("PERMITTED", "REFER", "NOT_PERMITTED");
            assertThat(finding.at("/message/zh").asString()).isNotBlank();
            assertThat(finding.at("/message/en").asString()).isNotBlank();
            assertThat(finding.at("/citation/document").asString()).isNotBlank();
            assertThat(finding.get("citation").has("article")).isTrue();
            assertThat(finding.get("citation").has("url")).isTrue();
        }

        var fetched = http.get(location);
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(created.body());
    }

    @Test
    void refusesInvalidInputListingEveryProblemWithItsPointer() {
        var response = http.postJson("/api/v1/determinations", """
                {"asOf":"2025-02-30","applicant":{"name":"","seat":"999999","uscc":"91310115MA1H7AB3C4"},
                 "foreignEquityPercent":101,"services":[{"code":"B11","coverage":["CN"]}]}
                """);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        var problem = Http.json(response);
        assertThat(problem.get("type").asString()).isEqualTo("urn:kaifang:problem:invalid-request");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        var pointers = new ArrayList<String>();
        problem.get("errors").forEach(e -> pointers.add(e.get("pointer").asString()));
        assertThat(pointers)
                .containsExactlyInAnyOrder(
                        "/asOf",
                        "/applicant/name",
                        "/applicant/uscc",
                        "/applicant/seat",
                        "/foreignEquityPercent",
                        "/services/0/item");
    }

    @Test
    void refusesMalformedJsonAsInvalidInput() {
        var response = http.postJson("/api/v1/determinations", "{\"asOf\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Http.json(response).at("/errors/0/message").asString()).startsWith("malformed JSON");
    }

    @Test
    void answersProblemsForUnknownIdsWrongMethodsAndWrongMediaTypes() {
        var unknown = http.get("/api/v1/determinations/01a222d6-5487-7121-95e4-15ad4a760f47");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Http.json(unknown).get("status").asInt()).isEqualTo(404);

        var notAnId = http.get("/api/v1/determinations/not-an-id");
        assertThat(notAnId.statusCode()).isEqualTo(404);

        var text = http.post("/api/v1/determinations", "text/plain", "hello");
        assertThat(text.statusCode()).isEqualTo(415);
        assertThat(text.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(text.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void apiCallsCreateNoSessionAndCarryTheSecurityHeaders() {
        var response = http.postJson("/api/v1/determinations", CONTRACT_EXAMPLE);

        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(
                        csp -> assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void judgesAStructureByItsLookThroughShareAndReturnsThePath() {
        var response = http.postJson("/api/v1/determinations", """
                {"asOf":"2025-03-01",
                 "applicant":{"name":"Example Cloud (Shanghai) Co., Ltd.","seat":"310115","registeredCapitalCny":10000000},
                 "ownership":{
                   "parties":[
                     {"id":"applicant","name":"Example Cloud (Shanghai) Co., Ltd.","kind":"COMPANY","jurisdiction":"CN"},
                     {"id":"parent","name":"Example AG","kind":"COMPANY","jurisdiction":"DE"},
                     {"id":"holding","name":"Example (Shanghai) Holding Co., Ltd.","kind":"COMPANY","jurisdiction":"CN"},
                     {"id":"partner","name":"张三","kind":"PERSON","jurisdiction":"CN"}],
                   "holdings":[
                     {"owner":"parent","owned":"holding","equityPercent":100},
                     {"owner":"holding","owned":"applicant","equityPercent":60},
                     {"owner":"partner","owned":"applicant","equityPercent":40}]},
                 "services":[{"code":"B21","item":"DATA_PROCESSING","coverage":["CN"],"facilities":["310115"]}]}
                """);

        assertThat(response.statusCode()).isEqualTo(201);
        var body = Http.json(response);
        assertThat(body.get("foreignEquityPercent").decimalValue()).isEqualByComparingTo("60");
        assertThat(body.at("/ownership/foreignEquity/lookThrough").asDouble()).isEqualTo(60.0);
        assertThat(body.at("/ownership/foreignEquity/direct").asDouble()).isEqualTo(0.0);
        assertThat(body.at("/ownership/paths/0/parties").toString())
                .isEqualTo("[\"parent\",\"holding\",\"applicant\"]");
        assertThat(body.at("/ownership/paths/0/percent").asDouble()).isEqualTo(60.0);
        assertThat(body.at("/services/0/outcome").asString()).isEqualTo("PERMITTED");
        assertThat(http.get(response.headers().firstValue("Location").orElseThrow())
                        .body())
                .isEqualTo(response.body());
    }

    @Test
    void refusesAnInvalidStructureNamingTheParty() {
        var response = http.postJson("/api/v1/determinations", """
                {"asOf":"2025-03-01","applicant":{"name":"X","seat":"310115"},
                 "ownership":{"parties":[{"id":"applicant","name":"X","kind":"COMPANY","jurisdiction":"CN"}],
                              "holdings":[{"owner":"ghost","owned":"applicant","equityPercent":-5}]},
                 "services":[{"code":"B21","item":"EDI","coverage":["CN"]}]}
                """);

        assertThat(response.statusCode()).isEqualTo(400);
        var errors = Http.json(response).get("errors");
        assertThat(errors.toString()).contains("/ownership/holdings/0/equityPercent");
    }

    private static List<JsonNode> allFindings(JsonNode body) {
        var findings = new ArrayList<JsonNode>();
        body.get("findings").forEach(findings::add);
        body.get("services").forEach(s -> s.get("findings").forEach(findings::add));
        return findings;
    }
}
