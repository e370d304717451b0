package org.kaifang.eligibility.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.kaifang.eligibility.EligibilityCheck;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/determinations}: the eligibility contract over HTTP. */
@RestController
@RequestMapping("/api/v1/determinations")
@Tag(name = "Determinations", description = "May this company offer these services, where and from when, and why")
class DeterminationsApi {

    private final EligibilityCheck check;

    DeterminationsApi(EligibilityCheck check) {
        this.check = check;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Judge a determination request and store the determination",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content = @Content(schema = @Schema(implementation = ApiDocs.Request.class))),
            responses = {
                @ApiResponse(
                        responseCode = "201",
                        description = "The determination (whatever its outcome)",
                        content = @Content(schema = @Schema(implementation = ApiDocs.Response.class))),
                @ApiResponse(
                        responseCode = "400",
                        description = "Invalid input: every problem with a JSON pointer",
                        content =
                                @Content(
                                        mediaType = "application/problem+json",
                                        schema = @Schema(implementation = ApiDocs.Problem.class)))
            })
    ResponseEntity<byte[]> create(@RequestBody(required = false) byte @org.jspecify.annotations.Nullable [] body) {
        var stored = check.determine(body);
        // Bytes, not a String: the String converter encodes the ~16 KB body twice, once only to learn its length.
        return ResponseEntity.created(URI.create("/api/v1/determinations/" + stored.id()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(stored.json().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Fetch a stored determination, unchanged",
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        content = @Content(schema = @Schema(implementation = ApiDocs.Response.class))),
                @ApiResponse(responseCode = "404", description = "No such determination")
            })
    ResponseEntity<String> find(@PathVariable String id) {
        var stored = parse(id).flatMap(check::find).orElseThrow(() -> new DeterminationNotFound(id));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(stored.json());
    }

    static java.util.Optional<UUID> parse(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
