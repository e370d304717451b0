package org.kaifang.register.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kaifang.register.BulkData;
import org.kaifang.register.RegisterQuery;
import org.kaifang.web.InputProblems;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code /api/v1/register/bulk}: the whole register as files, streamed: {@code snapshot} (every licence as it stood at
 * the end of a day, China time) and {@code delta} (the changes made on a day), each as {@code csv} (RFC 4180, UTF-8,
 * CRLF) or {@code jsonl}, and a manifest for each with its schema version, row count, SHA-256 and generation time.
 */
@RestController
@RequestMapping(BulkApi.PATH)
@Tag(name = "Register bulk data", description = "Full snapshots and daily deltas of the register, CSV and JSON Lines")
class BulkApi {

    static final String PATH = "/api/v1/register/bulk";

    private final BulkData bulk;

    BulkApi(BulkData bulk) {
        this.bulk = bulk;
    }

    @GetMapping("/{kind}.{format}")
    @Operation(
            summary = "A snapshot or a delta file",
            description = "kind is snapshot or delta, format csv or jsonl; date (YYYY-MM-DD, default today in China) is"
                    + " the day the snapshot is as of the end of, or the day of the delta's changes. Today's files are"
                    + " provisional until the day is over.")
    ResponseEntity<StreamingResponseBody> file(
            @PathVariable String kind,
            @PathVariable String format,
            @Parameter(description = "YYYY-MM-DD") @RequestParam(required = false) @Nullable String date) {
        var k = kind(kind);
        var f = format(format);
        var day = date(date);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.mediaType() + ";charset=UTF-8"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(BulkData.fileName(k, f, day))
                                .build()
                                .toString())
                .body(out -> bulk.write(k, f, day, out));
    }

    @GetMapping("/{kind}.{format}/manifest")
    @Operation(
            summary = "The manifest of a snapshot or delta file",
            description = "Made by writing the file once more: a past day's file is the same every time, so its"
                    + " SHA-256 checks a download. Today's may have changed in between.")
    Map<String, Object> manifest(
            @PathVariable String kind,
            @PathVariable String format,
            @Parameter(description = "YYYY-MM-DD") @RequestParam(required = false) @Nullable String date) {
        return BulkData.json(bulk.write(kind(kind), format(format), date(date), OutputStream.nullOutputStream()));
    }

    private static BulkData.Kind kind(String kind) {
        try {
            return BulkData.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RegisterQuery.InvalidQuery(Map.of("kind", "is not snapshot or delta"));
        }
    }

    private static BulkData.Format format(String format) {
        try {
            return BulkData.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RegisterQuery.InvalidQuery(Map.of("format", "is not csv or jsonl"));
        }
    }

    private LocalDate date(@Nullable String date) {
        if (date == null || date.isBlank()) {
            return bulk.today();
        }
        try {
            var day = LocalDate.parse(date.strip());
            // LocalDate reads years like -999999999: a register day has four digits.
            if (day.getYear() < 1000 || day.getYear() > 9999) {
                throw new RegisterQuery.InvalidQuery(Map.of("date", "is not a date as YYYY-MM-DD"));
            }
            if (day.isAfter(bulk.today())) {
                throw new RegisterQuery.InvalidQuery(Map.of("date", "is in the future"));
            }
            return day;
        } catch (DateTimeParseException e) {
            throw new RegisterQuery.InvalidQuery(Map.of("date", "is not a date as YYYY-MM-DD"));
        }
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(RegisterQuery.InvalidQuery e, HttpServletRequest request) {
        return InputProblems.badRequest(
                "invalid-bulk-request",
                "Invalid bulk data request",
                "request",
                InputProblems.instance(request, PATH),
                e.problems().entrySet().stream()
                        .map(p -> new InputProblems.Problem("/" + p.getKey(), p.getValue()))
                        .toList());
    }
}
