package org.kaifang.licensing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.CurrentUser;
import org.kaifang.licensing.LicenceChanged;
import org.kaifang.licensing.LicenceId;
import org.kaifang.licensing.LicenceRefused;
import org.kaifang.licensing.LicenceStatus;
import org.kaifang.licensing.LicenceView;
import org.kaifang.licensing.Licences;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/licences}: the licences a user may see (the regulator's staff: all; an applicant: its organisation's),
 * each with its full history, and a registrar's revocation, withdrawal, cancellation and invalidation. A licence the
 * caller may not see is 404, whether or not it exists.
 */
@RestController
@RequestMapping(path = "/api/v1/licences", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Licences", description = "Licences and pilot approvals: views, history, and ending them (registrars)")
class LicencesApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> ENDING_FIELDS = Set.of("reason", "legalBasis", "date", "version");

    private final Licences licences;

    LicencesApi(Licences licences) {
        this.licences = licences;
    }

    @GetMapping
    @Operation(summary = "The licences the caller may see, most recently changed first (staff) or the caller's own")
    List<LicenceView> list(@RequestParam(defaultValue = "0") int page, Authentication authentication) {
        return licences.visibleTo(user(authentication), Math.max(0, page));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A licence as it stands")
    LicenceView get(@PathVariable String id, Authentication authentication) {
        return licences.get(user(authentication), id(id));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every version of the licence, oldest first, with the change that made it")
    List<LicenceChanged> history(@PathVariable String id, Authentication authentication) {
        var licence = licences.get(user(authentication), id(id));
        return licences.history(licence.id());
    }

    /** The body of a revocation, withdrawal, cancellation or invalidation. */
    @Schema(name = "LicenceEnding")
    record Ending(
            @Schema(example = "以欺骗手段取得许可 / licence obtained by deception", requiredMode = Schema.RequiredMode.REQUIRED)
            String reason,

            @Schema(example = "中华人民共和国行政许可法 第六十九条", requiredMode = Schema.RequiredMode.REQUIRED)
            String legalBasis,

            @Schema(example = "2025-06-10", description = "the day it takes effect; not after today")
            String date,

            @Schema(description = "the licence version the decision was made on; 409 if it changed since")
            Long version) {}

    @PostMapping(path = "/{id}/{action}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Revoke (撤销), withdraw (吊销), cancel (注销) or invalidate a licence: registrars only",
            description = "action is revoke, withdraw, cancel or invalidate",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            content =
                                    @io.swagger.v3.oas.annotations.media.Content(
                                            schema = @Schema(implementation = Ending.class))))
    LicenceView end(
            @PathVariable String id,
            @PathVariable String action,
            @RequestBody(required = false) @Nullable String body,
            Authentication authentication) {
        var status = switch (action) {
            case "revoke" -> LicenceStatus.REVOKED;
            case "withdraw" -> LicenceStatus.WITHDRAWN;
            case "cancel" -> LicenceStatus.CANCELLED;
            case "invalidate" -> LicenceStatus.INVALID;
            default -> throw new LicenceRefused(LicenceRefused.Kind.NOT_FOUND, "No such action", List.of());
        };
        var json = parse(body);
        var problems = new ArrayList<LicenceRefused.Problem>();
        for (var name : json.propertyNames()) {
            if (!ENDING_FIELDS.contains(name)) {
                problems.add(new LicenceRefused.Problem(name, "is not a field of this request"));
            }
        }
        var reason = text(json, "reason", problems);
        var basis = text(json, "legalBasis", problems);
        LocalDate date = null;
        var dateNode = json.get("date");
        if (dateNode != null && !dateNode.isNull() && !dateNode.isString()) {
            // asString() throws for an array or object: that was a 500.
            problems.add(new LicenceRefused.Problem("date", "is not a date (YYYY-MM-DD)"));
        } else if (dateNode != null && !dateNode.isNull()) {
            try {
                date = LocalDate.parse(dateNode.asString());
            } catch (DateTimeParseException e) {
                problems.add(new LicenceRefused.Problem("date", "is not a date (YYYY-MM-DD)"));
            }
        }
        Long version = null;
        var versionNode = json.get("version");
        if (versionNode != null && !versionNode.isNull()) {
            // canConvertToLong: asLong() throws for a number beyond the long range, which was a 500.
            if (versionNode.isIntegralNumber() && versionNode.canConvertToLong()) {
                version = versionNode.asLong();
            } else {
                problems.add(new LicenceRefused.Problem("version", "is not a whole number"));
            }
        }
        for (var required : List.of("reason", "legalBasis", "date")) {
            if (json.get(required) == null || json.get(required).isNull()) {
                problems.add(new LicenceRefused.Problem(required, "is required"));
            }
        }
        if (!problems.isEmpty()) {
            throw new LicenceRefused(LicenceRefused.Kind.INVALID, "Invalid input", problems);
        }
        return licences.end(user(authentication), id(id), version, status, reason, basis, date);
    }

    private static @Nullable String text(JsonNode json, String field, List<LicenceRefused.Problem> problems) {
        var node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            problems.add(new LicenceRefused.Problem(field, "is not a text"));
            return null;
        }
        return node.asString();
    }

    private static JsonNode parse(@Nullable String body) {
        if (body == null || body.isBlank()) {
            throw new LicenceRefused(
                    LicenceRefused.Kind.INVALID,
                    "Empty body",
                    List.of(new LicenceRefused.Problem("", "the body is empty: send a JSON object")));
        }
        try {
            var json = JSON.readTree(body);
            if (json == null || !json.isObject()) {
                throw new LicenceRefused(
                        LicenceRefused.Kind.INVALID,
                        "Not an object",
                        List.of(new LicenceRefused.Problem("", "the body must be a JSON object")));
            }
            return json;
        } catch (JacksonException e) {
            throw new LicenceRefused(
                    LicenceRefused.Kind.INVALID,
                    "Malformed JSON",
                    List.of(new LicenceRefused.Problem("", "malformed JSON: " + e.getOriginalMessage())));
        }
    }

    static LicenceId id(String id) {
        try {
            return new LicenceId(id);
        } catch (IllegalArgumentException e) {
            throw new LicenceRefused(LicenceRefused.Kind.NOT_FOUND, "No licence " + id, List.of());
        }
    }

    static CurrentUser user(Authentication authentication) {
        return CurrentUser.from(authentication).orElseThrow(() -> new IllegalStateException("Not signed in"));
    }
}
