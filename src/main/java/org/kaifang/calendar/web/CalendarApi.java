package org.kaifang.calendar.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kaifang.calendar.CalendarJson;
import org.kaifang.calendar.CalendarStore;
import org.kaifang.calendar.ClockUnit;
import org.kaifang.calendar.YearNotCovered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.ServletWebRequest;
import tools.jackson.databind.json.JsonMapper;

/** {@code /api/v1/calendar/…}: China's working-day calendar and due dates (calendar contract), without a login. */
@RestController
@Tag(name = "Calendar", description = "China's working-day calendar: holidays, adjusted working days, due dates")
class CalendarApi {

    /** The longest period the API counts: ten years of days. */
    static final int MAX_DAYS = 3660;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CalendarStore store;

    CalendarApi(CalendarStore store) {
        this.store = store;
    }

    @GetMapping(path = "/api/v1/calendar/days/{date}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "What a date is: working day or not, and why (weekday, weekend, holiday, adjusted working day)")
    ResponseEntity<String> day(@PathVariable String date) {
        var problems = new ArrayList<Problem>();
        var parsed = date(date, "date", problems);
        if (parsed == null) {
            throw new InvalidParameters(problems);
        }
        return json(JSON.writeValueAsString(CalendarJson.day(store.calendar().day(parsed))));
    }

    @GetMapping(path = "/api/v1/calendar/due", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The date a period ends: counting starts the day after start; WORKING counts working days only,"
                    + " CALENDAR every day; a last day that is not a working day moves to the next working day")
    ResponseEntity<String> due(
            @RequestParam(required = false) @Nullable String start,
            @RequestParam(required = false) @Nullable String days,
            @RequestParam(required = false) @Nullable String unit) {
        var problems = new ArrayList<Problem>();
        var from = date(start, "start", problems);
        Integer count = null;
        if (days == null || days.isBlank()) {
            problems.add(new Problem("days", "is required: the number of days in the period"));
        } else {
            try {
                count = Integer.valueOf(days.strip());
                if (count < 1 || count > MAX_DAYS) {
                    problems.add(new Problem("days", "must be from 1 to " + MAX_DAYS + ", not " + count));
                    count = null;
                }
            } catch (NumberFormatException e) {
                problems.add(new Problem("days", "must be a whole number, not '" + days + "'"));
            }
        }
        var counting = ClockUnit.WORKING;
        if (unit != null) {
            try {
                counting = ClockUnit.valueOf(unit.strip());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("unit", "must be WORKING or CALENDAR, not '" + unit + "'"));
            }
        }
        if (!problems.isEmpty() || from == null || count == null) {
            throw new InvalidParameters(problems);
        }
        var due = store.calendar().due(from, count, counting);
        return json(JSON.writeValueAsString(CalendarJson.due(from, count, counting, due)));
    }

    private static @Nullable LocalDate date(@Nullable String text, String parameter, List<Problem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new Problem(parameter, "is required: a date (YYYY-MM-DD)"));
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new Problem(parameter, "must be a date (YYYY-MM-DD), not '" + text + "'"));
            return null;
        }
    }

    private static ResponseEntity<String> json(String body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    record Problem(String parameter, String message) {}

    static final class InvalidParameters extends RuntimeException {
        final List<Problem> problems;

        InvalidParameters(List<Problem> problems) {
            super(problems.toString());
            this.problems = List.copyOf(problems);
        }
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(InvalidParameters e, NativeWebRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "The request has " + e.problems.size() + " invalid parameter(s): "
                        + String.join(
                                ", ",
                                e.problems.stream().map(Problem::parameter).toList())
                        + ".");
        problem.setType(URI.create("urn:kaifang:problem:invalid-parameters"));
        problem.setTitle("Invalid parameters");
        problem.setInstance(instance(request));
        problem.setProperty(
                "errors",
                e.problems.stream()
                        .map(p -> Map.of("parameter", p.parameter(), "message", p.message()))
                        .toList());
        return problem(HttpStatus.BAD_REQUEST, problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(YearNotCovered e, NativeWebRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setType(URI.create("urn:kaifang:problem:year-not-covered"));
        problem.setTitle("Year not covered by the calendar");
        problem.setInstance(instance(request));
        problem.setProperty("year", e.year());
        problem.setProperty("coveredYears", e.coveredYears());
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, problem);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, ProblemDetail problem) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static @Nullable URI instance(NativeWebRequest request) {
        if (request instanceof ServletWebRequest servlet) {
            return URI.create(servlet.getRequest().getRequestURI());
        }
        return null;
    }
}
