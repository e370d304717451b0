package org.kaifang.applications.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kaifang.applications.LicenceApplication;
import org.kaifang.testing.DemoLogins;
import org.kaifang.testing.FormClient;
import org.kaifang.testing.Http;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * The officers' deadline dashboard on {@code /applications}: applications submitted on 2025-06-03 are due for
 * acceptance on 2025-06-10 (five working days); two days later they are due soon, two days after the due date they are
 * overdue, and the links show exactly those. The clock is moved by the test.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:deadlines;DB_CLOSE_DELAY=-1",
            DemoLogins.DEMO,
            DemoLogins.FIXED_PASSWORD
        })
class ApplicationDeadlinesIntegrationTests {

    /** A clock the test sets. */
    static final class MovableClock extends Clock {
        volatile Instant now = day("2025-06-03");

        @Override
        public ZoneId getZone() {
            return LicenceApplication.CHINA;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final MovableClock CLOCK = new MovableClock();

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    static Instant day(String date) {
        return LocalDate.parse(date)
                .atTime(LocalTime.of(10, 0))
                .atZone(LicenceApplication.CHINA)
                .toInstant();
    }

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void dueSoonThenOverdueWithTheQueueNarrowedToEach() throws Exception {
        CLOCK.now = day("2025-06-03");
        var first = submitted("Lingang Cloud Data Co., Ltd.");
        var second = submitted("Pudong Edge Networks Co., Ltd.");
        assertThat(first.at("/clocks/acceptance/due").asString()).isEqualTo("2025-06-10");

        var officer = new FormClient(port);
        officer.signIn("officer", DemoLogins.PASSWORD);

        CLOCK.now = day("2025-06-05");
        var page = officer.get("/applications").body();
        assertThat(figure(page, "overdue-count")).isEqualTo(0);
        assertThat(figure(page, "soon-count")).isEqualTo(2);
        assertThat(page).contains("2025-06-12");
        assertThat(officer.get("/applications?due=soon").body()).contains("Lingang Cloud Data", "Pudong Edge Networks");
        assertThat(officer.get("/applications?due=overdue").body()).contains("id=\"none\"");

        CLOCK.now = day("2025-06-12");
        page = officer.get("/applications").body();
        assertThat(figure(page, "overdue-count")).isEqualTo(2);
        assertThat(figure(page, "soon-count")).isEqualTo(0);
        var overdue = officer.get("/applications?due=overdue").body();
        assertThat(overdue)
                .contains(first.get("id").asString(), second.get("id").asString());
        assertThat(officer.get("/applications?due=soon").body()).contains("id=\"none\"");
        // An unknown filter shows the whole queue rather than an error.
        assertThat(officer.get("/applications?due=yesterday").body())
                .contains(first.get("id").asString());

        // The API gives the same figures and filter, and names a bad filter.
        var api = Http.json(call("GET", "/api/v1/applications?due=overdue", null, "officer"));
        assertThat(api.at("/deadlines/overdue").asInt()).isEqualTo(2);
        assertThat(api.at("/deadlines/soonUntil").asString()).isEqualTo("2025-06-19");
        assertThat(api.get("queue")).hasSize(2);
        var bad = call("GET", "/api/v1/applications?due=yesterday", null, "officer");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"due\"");

        // Applicants have no dashboard: it counts other organisations' applications.
        var applicant = new FormClient(port);
        applicant.signIn("applicant.a", DemoLogins.PASSWORD);
        assertThat(applicant.get("/applications").body()).doesNotContain("id=\"deadlines\"");
    }

    private static int figure(String page, String id) {
        var at = page.indexOf("id=\"" + id + "\"");
        assertThat(at).as(id).isNotNegative();
        var start = page.indexOf("<strong>", at) + "<strong>".length();
        return Integer.parseInt(
                page.substring(start, page.indexOf("</strong>", start)).strip());
    }

    private JsonNode submitted(String name) throws Exception {
        var request = """
                {"type":"NEW_LICENCE","applicantName":"%s","request":{"asOf":"2025-06-01",
                 "applicant":{"name":"%s","seat":"310115","registeredCapitalCny":10000000},
                 "foreignEquityPercent":100,
                 "services":[{"code":"B11","item":"IDC","coverage":["CN"],"facilities":["310115"]}]}}
                """.formatted(name, name);
        var created = Http.json(call("POST", "/api/v1/applications", request));
        var submit = call(
                "POST",
                "/api/v1/applications/" + created.get("id").asString() + "/submit",
                "{\"version\":" + created.get("version").asLong() + "}");
        assertThat(submit.statusCode()).as(submit.body()).isEqualTo(200);
        return Http.json(submit);
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        return call(method, path, body, "applicant.a");
    }

    private HttpResponse<String> call(String method, String path, @Nullable String body, String user) throws Exception {
        var token =
                Base64.getEncoder().encodeToString((user + ":" + DemoLogins.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Authorization", "Basic " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
