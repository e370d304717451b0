package org.kaifang.eligibility.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaifang.testing.Http;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Determinations over HTTP screen the structure: the findings, the recorded list version, and the page. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:restricted-it;DB_CLOSE_DELAY=-1")
class RestrictedPartiesIntegrationTests {

    static final String LISTED_MAJORITY = """
            {"asOf":"2025-06-01",
             "applicant":{"name":"Harbour Cloud (Shanghai) Co., Ltd.","seat":"310115","registeredCapitalCny":10000000},
             "ownership":{"parties":[
               {"id":"applicant","name":"Harbour Cloud (Shanghai) Co., Ltd.","kind":"COMPANY","jurisdiction":"CN"},
               {"id":"hii","name":"Huntington Ingalls Industries, Inc.","kind":"COMPANY","jurisdiction":"US"},
               {"id":"partner","name":"上海港云投资有限公司","kind":"COMPANY","jurisdiction":"CN"}],
              "holdings":[{"owner":"hii","owned":"applicant","equityPercent":60},
                          {"owner":"partner","owned":"applicant","equityPercent":40}]},
             "services":[{"code":"B21","item":"ECOMMERCE","coverage":["CN"]}]}
            """;

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aListedMajorityOwnerIsNotPermittedAndTheDeterminationRecordsTheListVersion() {
        var response = http.postJson("/api/v1/determinations", LISTED_MAJORITY);

        assertThat(response.statusCode()).isEqualTo(201);
        var body = Http.json(response);
        assertThat(body.get("overall").asString()).isEqualTo("NOT_PERMITTED");
        var owner = body.get("findings")
                .valueStream()
                .filter(f -> f.get("rule").asString().equals("restricted.owner"))
                .findFirst()
                .orElseThrow();
        assertThat(owner.get("outcome").asString()).isEqualTo("NOT_PERMITTED");
        assertThat(owner.at("/citation/instrument").asString()).isEqualTo("LIST:uel-2025-03-04");
        assertThat(body.at("/screening/list/id").asString()).isEqualTo("kaifang-cn");
        assertThat(body.at("/screening/list/digest").asString()).startsWith("sha256:");
        assertThat(body.at("/screening/results/1/hits/0/name").asString())
                .isEqualTo("Huntington Ingalls Industries Inc.");

        var page = http.get(
                "/determinations/" + body.get("id").asString(), "Accept", "text/html", "Accept-Language", "en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"screening-results\"", "Huntington Ingalls Industries Inc.", "restricted.owner");
    }

    @Test
    void theListBrowserIsPublicAndShowsEachAnnouncementWithItsStatusOverTime() {
        var page = http.get("/screening/lists?asOf=2025-06-01", "Accept", "text/html", "Accept-Language", "en");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Huntington Ingalls Industries Inc.", "Lockheed Martin Corporation", "洛克希德·马丁公司")
                .contains("measures suspended", "2025-05-14")
                .contains("data-status=\"SUSPENDED\"", "data-status=\"ACTIVE\"");
    }

    @Test
    void screeningPagesNeedASignIn() {
        var page = http.get("/screening", "Accept", "text/html");
        var queue = http.get("/screening/reviews", "Accept", "text/html");

        assertThat(page.statusCode()).isIn(302, 401);
        assertThat(queue.statusCode()).isIn(302, 401);
    }
}
