package org.kaifang.ownership.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kaifang.ownership.AnalysisJson;
import org.kaifang.ownership.InvalidStructure;
import org.kaifang.ownership.OwnershipAnalyses;
import org.kaifang.ownership.StructureProblem;
import org.kaifang.ownership.StructureReader;
import org.kaifang.rules.RuleCatalogue;
import org.kaifang.web.InputProblems;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /api/v1/ownership/analyses}: look-through foreign equity and control of a structure. */
@RestController
@Tag(name = "Ownership", description = "Effective foreign equity and control through shareholding chains")
class OwnershipApi {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final RuleCatalogue rules;
    private final Clock clock;

    OwnershipApi(RuleCatalogue rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    @PostMapping(
            path = "/api/v1/ownership/analyses",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Analyse a shareholding structure (ownership contract): measures, paths and controllers",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            schema =
                                                    @io.swagger.v3.oas.annotations.media.Schema(
                                                            ref = "#/components/schemas/OwnershipStructure"))),
            responses =
                    @io.swagger.v3.oas.annotations.responses.ApiResponse(
                            responseCode = "200",
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            schema =
                                                    @io.swagger.v3.oas.annotations.media.Schema(
                                                            ref = "#/components/schemas/OwnershipAnalysis"))))
    ResponseEntity<String> analyse(@RequestBody(required = false) @Nullable String body) {
        if (body == null || body.isBlank()) {
            throw new InvalidStructure(
                    List.of(new StructureProblem("", "the request body is empty: send a JSON object")));
        }
        tools.jackson.databind.JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidStructure(List.of(new StructureProblem("", "malformed JSON: " + e.getOriginalMessage())));
        }
        var date = date(node);
        var structure = StructureReader.read(node, "", true);
        var analysis = OwnershipAnalyses.analyser(rules.current(), date).analyse(structure);
        var json = AnalysisJson.toJson(analysis);
        json.put("asOf", date.toString());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(json));
    }

    private LocalDate date(tools.jackson.databind.JsonNode node) {
        var asOf = node.isObject() ? node.get("asOf") : null;
        if (asOf == null || asOf.isNull()) {
            return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        }
        try {
            // Only a string can be a date; asString() on an array or object would be an error of its own.
            var date = LocalDate.parse(asOf.isString() ? asOf.asString() : "");
            if (date.getYear() > 9999) {
                throw new InvalidStructure(List.of(new StructureProblem("/asOf", "year must have four digits")));
            }
            if (date.isBefore(rules.current().coverageFrom())) {
                throw new InvalidStructure(List.of(new StructureProblem(
                        "/asOf",
                        "the rule pack covers dates from " + rules.current().coverageFrom())));
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new InvalidStructure(List.of(new StructureProblem("/asOf", "must be a date (YYYY-MM-DD)")));
        }
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(InvalidStructure e, HttpServletRequest request) {
        return InputProblems.badRequest(
                "invalid-structure",
                "Invalid ownership structure",
                "structure",
                URI.create("/api/v1/ownership/analyses"),
                e.problems().stream()
                        .map(p -> new InputProblems.Problem(p.pointer(), p.message()))
                        .toList());
    }
}
