package org.kaifang.screening.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kaifang.screening.InvalidScreeningRequest;
import org.kaifang.screening.ScreeningJson;
import org.kaifang.screening.ScreeningLists;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/screenings}: screen one party or a batch against the restricted-party lists. */
@RestController
@Tag(
        name = "Screening",
        description = "Restricted-party screening against China's UEL, export-control and counter-measure lists")
class ScreeningsApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ScreeningLists lists;
    private final Clock clock;

    ScreeningsApi(ScreeningLists lists, Clock clock) {
        this.lists = lists;
        this.clock = clock;
    }

    @PostMapping(
            path = "/api/v1/screenings",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Screen parties as of a date (screening contract): outcome and explained hits per party")
    ResponseEntity<String> screen(@RequestBody(required = false) @Nullable String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidScreeningRequest(
                    List.of(new InvalidScreeningRequest.Problem("", "the request body is empty: send a JSON object")));
        }
        tools.jackson.databind.JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidScreeningRequest(
                    List.of(new InvalidScreeningRequest.Problem("", "malformed JSON: " + e.getOriginalMessage())));
        }
        // Legal dates in China: "today" is the date in Beijing.
        var today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        var request = ScreeningJson.read(node, today);
        var report = lists.current().screen(request.parties(), request.asOf());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(ScreeningJson.write(report)));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(InvalidScreeningRequest e) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The request has " + e.problems().size() + " problem(s).");
        problem.setType(URI.create("urn:kaifang:problem:invalid-screening-request"));
        problem.setTitle("Invalid screening request");
        problem.setInstance(URI.create("/api/v1/screenings"));
        problem.setProperty(
                "errors",
                e.problems().stream()
                        .map(p -> Map.of("pointer", p.pointer(), "message", p.message()))
                        .toList());
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
