package org.kaifang.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.kaifang.accounts.Accounts;
import org.kaifang.applications.Actor;
import org.kaifang.applications.ApplicationType;
import org.kaifang.applications.Applications;
import org.kaifang.applications.Verdict;
import org.kaifang.statistics.Statistics;
import org.kaifang.testing.Actors;
import org.kaifang.testing.DemoLogins;
import org.kaifang.testing.FormClient;
import org.kaifang.testing.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The statistics over HTTP, fed by a real application journey (submission, correction, acceptance, review, four-eyes
 * decision) and the licence it issues: public figures without a login as JSON and CSV, staff figures for regulator
 * roles only, bad dates as problem+json naming each parameter.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:statistics-api;DB_CLOSE_DELAY=-1",
            DemoLogins.DEMO,
            DemoLogins.FIXED_PASSWORD,
            "kaifang.notifications.schedule=false",
            "kaifang.licensing.schedule=false"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsApiIntegrationTests {

    static final String REQUEST = """
            {"asOf":"2025-06-01",
             "applicant":{"name":"Lingang Cloud Data Co., Ltd.","seat":"310115","registeredCapitalCny":10000000},
             "foreignEquityPercent":49,
             "services":[{"code":"B11","item":"IDC","coverage":["CN"],"facilities":["310115"]}]}
            """;

    @TestConfiguration
    static class FixedDay {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(Instant.parse("2025-06-10T02:00:00Z"), ZoneOffset.UTC);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Applications applications;

    @Autowired
    Accounts accounts;

    @Autowired
    Statistics statistics;

    private final HttpClient client = HttpClient.newHttpClient();

    Actor actor(String username) {
        return Actors.of(accounts, username);
    }

    @BeforeAll
    void decideOneApplication() {
        var app = applications.create(actor("applicant.a"), ApplicationType.NEW_LICENCE, "临港云数据有限公司", REQUEST, null);
        app = applications.submit(actor("applicant.a"), app.id(), app.version());
        app = applications.requestCorrection(actor("officer"), app.id(), app.version(), "营业执照缺页 / a page is missing");
        app = applications.resubmit(actor("applicant.a"), app.id(), app.version());
        app = applications.accept(actor("officer"), app.id(), app.version());
        app = applications.startReview(actor("officer"), app.id(), app.version());
        app = applications.recommend(actor("officer"), app.id(), app.version(), Verdict.APPROVE, "Complete");
        applications.decide(actor("approver"), app.id(), app.version(), Verdict.APPROVE, "Approved");
    }

    HttpResponse<String> get(@Nullable String user, String path) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .GET()
                .header("Accept", "application/json");
        if (user != null) {
            var token = Base64.getEncoder()
                    .encodeToString((user + ":" + DemoLogins.PASSWORD).getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + token);
        }
        try {
            return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void publicFiguresWithoutALoginStateTheirDefinitionAsOfAndRange() {
        var response = get(null, "/api/v1/statistics/licences?from=2025-01-01&to=2025-06-30");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var json = Http.json(response);
        assertThat(json.get("name").asString()).isEqualTo("licences");
        assertThat(json.get("definition").asString()).contains("in force at the end of the month");
        assertThat(json.get("asOf").asString()).isEqualTo("2025-06-10T02:00:00Z");
        assertThat(json.get("from").asString()).isEqualTo("2025-01-01");
        assertThat(json.get("to").asString()).isEqualTo("2025-06-30");
        assertThat(json.at("/headline/licences").asLong()).isEqualTo(1);
        var services = new ArrayList<String>();
        json.get("rows").forEach(r -> {
            if (r.get("dimension").asString().equals("item")) {
                services.add(r.get("key").asString() + "=" + r.get("licences").asLong());
            }
        });
        assertThat(services).containsExactly("B11/IDC=1");
        // Before the licence was issued there is nothing to count.
        var before = Http.json(get(null, "/api/v1/statistics/licences?to=2024-12-31"));
        assertThat(before.at("/headline/licences").asLong()).isZero();
        // 49% foreign equity: a foreign-invested enterprise, new this year.
        var enterprises = Http.json(get(null, "/api/v1/statistics/enterprises"));
        assertThat(enterprises.at("/headline/enterprises").asInt()).isEqualTo(1);
        assertThat(enterprises.at("/headline/yearBefore").asInt()).isZero();
        assertThat(enterprises.at("/headline/yearOnYearPercent").isNull()).isTrue();
        assertThat(get(null, "/api/v1/statistics/pilots?from=2025-01-01").statusCode())
                .isEqualTo(200);
        assertThat(get(null, "/api/v1/statistics/credit-lists").statusCode()).isEqualTo(200);
    }

    @Test
    void everyFigureIsAlsoACsvFileWithItsColumnsAsTheHeader() {
        var response = get(null, "/api/v1/statistics/licences.csv?from=2025-01-01&to=2025-06-30");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("licences-2025-06-30.csv");
        var lines = response.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("dimension,key,licences,foreignInvested");
        assertThat(List.of(lines)).contains("item,B11/IDC,1,1", "service,B11,1,1", "authority,MIIT,1,1");
        var staff = get("officer", "/api/v1/statistics/staff/processing-times.csv?to=2025-06-30");
        assertThat(staff.body().split("\r\n")[0])
                .isEqualTo(
                        "type,decided,medianDays,p90Days,late,lateSharePercent,withoutDueDate,paused,medianPausedDays");
    }

    @Test
    void processingTimesAreForTheRegulatorsStaffOnly() {
        assertThat(get(null, "/api/v1/statistics/staff/processing-times").statusCode())
                .isEqualTo(401);
        var applicant = get("applicant.a", "/api/v1/statistics/staff/processing-times");
        assertThat(applicant.statusCode()).isEqualTo(403);
        assertThat(applicant.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");

        var officer = get("officer", "/api/v1/statistics/staff/processing-times?from=2025-01-01");

        assertThat(officer.statusCode()).as(officer.body()).isEqualTo(200);
        var all = Http.json(officer).at("/headline");
        assertThat(all.get("decided").asInt()).isEqualTo(1);
        assertThat(all.get("paused").asInt()).isEqualTo(1);
        assertThat(all.get("late").asLong()).isZero();
        assertThat(get("registrar", "/api/v1/statistics/staff/screening").statusCode())
                .isEqualTo(200);
        assertThat(get("admin", "/api/v1/statistics/staff/annual-reports").statusCode())
                .isEqualTo(200);
        // A staff figure is not served on the public path, nor a public one on the staff path.
        assertThat(get(null, "/api/v1/statistics/processing-times").statusCode())
                .isEqualTo(404);
        assertThat(get("officer", "/api/v1/statistics/staff/licences").statusCode())
                .isEqualTo(404);
    }

    @Test
    void badDatesAreAProblemNamingEachParameter() {
        var response = get(null, "/api/v1/statistics/enterprises?from=2025-02-30&to=soon&period=week");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/problem+json");
        var pointers = new ArrayList<String>();
        Http.json(response)
                .get("errors")
                .forEach(e -> pointers.add(e.get("pointer").asString()));
        assertThat(pointers).containsExactlyInAnyOrder("/from", "/to", "/period");
        var order = get(null, "/api/v1/statistics/licences.csv?from=2025-06-01&to=2025-01-01");
        assertThat(order.statusCode()).isEqualTo(400);
        assertThat(order.body()).contains("must not be after to");
        var period = get(null, "/api/v1/statistics/enterprises?period=week");
        assertThat(period.statusCode()).isEqualTo(400);
        assertThat(period.body()).contains("/period");
        assertThat(get(null, "/api/v1/statistics/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void theDashboardsShowEachFigureAsAChartAndATable() {
        var page = new FormClient(port).get("/statistics?to=2025-06-30");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"table-enterprises\"", "id=\"table-licences\"", "data-chart=", "/js/statistics.js")
                .doesNotContain("id=\"table-processing-times\"");
        var bad = new FormClient(port).get("/statistics?from=nonsense");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"problems\"", "YYYY-MM-DD");

        var anonymous = new FormClient(port).get("/statistics/staff");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        var officer = new FormClient(port);
        officer.signIn("officer", DemoLogins.PASSWORD);
        var staff = officer.get("/statistics/staff?to=2025-06-30");
        assertThat(staff.statusCode()).isEqualTo(200);
        assertThat(staff.body()).contains("id=\"table-processing-times\"", "/statistics/staff/processing-times.csv");
        var csv = officer.get("/statistics/staff/screening.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("month,hits,confirmed,dismissed\r\n");
        var applicant = new FormClient(port);
        applicant.signIn("applicant.a", DemoLogins.PASSWORD);
        assertThat(applicant.get("/statistics/staff").statusCode()).isEqualTo(403);
    }
}
