package org.kaifang.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaifang.testing.Http;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /api/v1/calendar/…}: the calendar contract over HTTP, without a login. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:calendar-it;DB_CLOSE_DELAY=-1",
            "kaifang.calendar.dir=target/calendar-it-empty"
        })
class CalendarApiIntegrationTests {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void answersTheContractsDayExample() {
        var response = http.get("/api/v1/calendar/days/2025-01-26");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        var body = Http.json(response);
        assertThat(body.get("date").asString()).isEqualTo("2025-01-26");
        assertThat(body.get("workingDay").asBoolean()).isTrue();
        assertThat(body.get("kind").asString()).isEqualTo("ADJUSTED_WORKING_DAY");
        assertThat(body.at("/name/zh").asString()).isEqualTo("春节");
        assertThat(body.at("/name/en").asString()).isEqualTo("Spring Festival");
    }

    @Test
    void anOrdinaryDayHasNoName() {
        var body = Http.json(http.get("/api/v1/calendar/days/2025-03-01"));

        assertThat(body.get("kind").asString()).isEqualTo("WEEKEND");
        assertThat(body.get("workingDay").asBoolean()).isFalse();
        assertThat(body.get("name").isNull()).isTrue();
    }

    @Test
    void answersTheContractsDueExample() {
        var response = http.get("/api/v1/calendar/due?start=2025-01-24&days=5&unit=WORKING");

        assertThat(response.statusCode()).isEqualTo(200);
        var body = Http.json(response);
        assertThat(body.get("start").asString()).isEqualTo("2025-01-24");
        assertThat(body.get("days").asInt()).isEqualTo(5);
        assertThat(body.get("unit").asString()).isEqualTo("WORKING");
        assertThat(body.get("due").asString()).isEqualTo("2025-02-07");
        assertThat(Http.json(http.get("/api/v1/calendar/due?start=2025-09-25&days=10&unit=CALENDAR"))
                        .get("due")
                        .asString())
                .isEqualTo("2025-10-09");
    }

    @Test
    void badParametersAre400ProblemsNamingEachParameter() {
        var response = http.get("/api/v1/calendar/due?start=24-01-2025&days=-5&unit=WEEKS");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var body = Http.json(response);
        assertThat(body.get("type").asString()).isEqualTo("urn:kaifang:problem:invalid-parameters");
        assertThat(body.get("errors").findValuesAsString("parameter")).containsExactly("start", "days", "unit");

        var missing = Http.json(http.get("/api/v1/calendar/due"));
        assertThat(missing.get("errors").findValuesAsString("parameter")).containsExactly("start", "days");

        var day = http.get("/api/v1/calendar/days/26-01-2025");
        assertThat(day.statusCode()).isEqualTo(400);
        assertThat(Http.json(day).get("errors").findValuesAsString("parameter")).containsExactly("date");
    }

    @Test
    void aYearNotCoveredIs422NamingTheCoveredYears() {
        var response = http.get("/api/v1/calendar/days/2030-01-01");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var body = Http.json(response);
        assertThat(body.get("type").asString()).isEqualTo("urn:kaifang:problem:year-not-covered");
        assertThat(body.get("status").asInt()).isEqualTo(422);
        assertThat(body.get("detail").asString()).contains("does not cover 2030; it covers 2015–2026");
        assertThat(body.get("year").asInt()).isEqualTo(2030);
        assertThat(body.get("coveredYears").toString())
                .isEqualTo("[2015,2016,2017,2018,2019,2020,2021,2022,2023,2024,2025,2026]");
        assertThat(body.get("instance").asString()).isEqualTo("/api/v1/calendar/days/2030-01-01");

        var due = http.get("/api/v1/calendar/due?start=2026-12-20&days=30&unit=WORKING");
        assertThat(due.statusCode()).isEqualTo(422);
        assertThat(Http.json(due).get("year").asInt()).isEqualTo(2027);
    }
}
