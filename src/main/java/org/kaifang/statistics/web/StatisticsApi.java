package org.kaifang.statistics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kaifang.statistics.DateRange;
import org.kaifang.statistics.Figure;
import org.kaifang.statistics.Statistics;
import org.kaifang.web.InputProblems;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/statistics}: every figure as JSON and as CSV. The public figures need no login; those under
 * {@code /staff} need a regulator role (case officer, approver, registrar, administrator), which the security
 * configuration enforces.
 */
@RestController
@RequestMapping(StatisticsApi.PATH)
@Tag(
        name = "Statistics",
        description = "Figures of the opening-up, each with its definition, as-of time and date range")
class StatisticsApi {

    static final String PATH = "/api/v1/statistics";

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private static final String FROM = "First day (YYYY-MM-DD, inclusive); default: from the beginning";
    private static final String TO = "Last day (YYYY-MM-DD, inclusive); default: today in China";
    private static final String PERIOD = "enterprises only: year (default) or quarter";

    private final Statistics statistics;

    StatisticsApi(Statistics statistics) {
        this.statistics = statistics;
    }

    @GetMapping("/{figure}")
    @Operation(
            summary = "A public figure as JSON",
            description = "figure is enterprises, licences, pilots or credit-lists. The body has the figure's name,"
                    + " definition, asOf, from, to, columns, rows (one object per row) and headline.")
    Figure figure(
            @PathVariable String figure,
            @Parameter(description = FROM) @RequestParam(required = false) @Nullable String from,
            @Parameter(description = TO) @RequestParam(required = false) @Nullable String to,
            @Parameter(description = PERIOD) @RequestParam(required = false) @Nullable String period) {
        return read(Statistics.PUBLIC, figure, from, to, period);
    }

    @GetMapping("/{figure}.csv")
    @Operation(
            summary = "A public figure as CSV",
            description = "The figure's columns as a header line, then one line per row (RFC 4180, UTF-8).")
    ResponseEntity<String> figureCsv(
            @PathVariable String figure,
            @Parameter(description = FROM) @RequestParam(required = false) @Nullable String from,
            @Parameter(description = TO) @RequestParam(required = false) @Nullable String to,
            @Parameter(description = PERIOD) @RequestParam(required = false) @Nullable String period) {
        return csv(read(Statistics.PUBLIC, figure, from, to, period));
    }

    @GetMapping("/staff/{figure}")
    @Operation(
            summary = "A staff figure as JSON (regulator roles only)",
            description = "figure is processing-times, annual-reports or screening.")
    Figure staffFigure(
            @PathVariable String figure,
            @Parameter(description = FROM) @RequestParam(required = false) @Nullable String from,
            @Parameter(description = TO) @RequestParam(required = false) @Nullable String to) {
        return read(Statistics.STAFF, figure, from, to, null);
    }

    @GetMapping("/staff/{figure}.csv")
    @Operation(summary = "A staff figure as CSV (regulator roles only)")
    ResponseEntity<String> staffFigureCsv(
            @PathVariable String figure,
            @Parameter(description = FROM) @RequestParam(required = false) @Nullable String from,
            @Parameter(description = TO) @RequestParam(required = false) @Nullable String to) {
        return csv(read(Statistics.STAFF, figure, from, to, null));
    }

    private Figure read(
            List<String> allowed, String figure, @Nullable String from, @Nullable String to, @Nullable String period) {
        if (!allowed.contains(figure)) {
            throw new NoSuchFigure(figure);
        }
        return statistics.figure(figure, range(from, to, period, statistics.today()), period);
    }

    /** The range, or every problem with it and with {@code period} at once. */
    static DateRange range(
            @Nullable String from, @Nullable String to, @Nullable String period, java.time.LocalDate today) {
        var problems = new java.util.LinkedHashMap<String, String>();
        DateRange range = null;
        try {
            range = DateRange.parse(from, to, today);
        } catch (DateRange.Invalid e) {
            problems.putAll(e.problems());
        }
        if (period != null
                && !period.isBlank()
                && !List.of("year", "quarter").contains(period.strip().toLowerCase(java.util.Locale.ROOT))) {
            problems.put("period", "must be year or quarter");
        }
        if (range == null || !problems.isEmpty()) {
            throw new DateRange.Invalid(problems);
        }
        return range;
    }

    private static ResponseEntity<String> csv(Figure figure) {
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(figure.name() + "-" + figure.to() + ".csv")
                                .build()
                                .toString())
                .header("X-As-Of", figure.asOf().toString())
                .body(FigureCsv.of(figure));
    }

    static final class NoSuchFigure extends RuntimeException {
        NoSuchFigure(String figure) {
            super("No figure named " + figure);
        }
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(DateRange.Invalid e, HttpServletRequest request) {
        return InputProblems.badRequest(
                "invalid-statistics-query",
                "Invalid statistics query",
                "query",
                InputProblems.instance(request, PATH),
                e.problems().entrySet().stream()
                        .map(p -> new InputProblems.Problem("/" + p.getKey(), p.getValue()))
                        .toList());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(NoSuchFigure e, HttpServletRequest request) {
        return InputProblems.problem(
                HttpStatus.NOT_FOUND, "not-found", e.getMessage(), InputProblems.instance(request, PATH));
    }
}
