package org.kaifang.applications.web;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.CurrentUser;
import org.kaifang.applications.ActionRefused;
import org.kaifang.applications.Actor;
import org.kaifang.applications.ApplicationId;
import org.kaifang.applications.ApplicationNotFound;
import org.kaifang.applications.ApplicationStatus;
import org.kaifang.applications.ApplicationType;
import org.kaifang.applications.Applications;
import org.kaifang.applications.DueFilter;
import org.kaifang.applications.LicenceApplication;
import org.kaifang.applications.Verdict;
import org.kaifang.calendar.CalendarStore;
import org.kaifang.web.InputProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/applications}: create applications (with an {@code Idempotency-Key}) and carry out every transition.
 * Each transition names the {@code version} of the application it was decided on; a stale version gets 409. An
 * application the caller may not see is 404, whether or not it exists.
 */
@RestController
@RequestMapping(path = "/api/v1/applications", produces = MediaType.APPLICATION_JSON_VALUE)
class ApplicationsApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> CREATE_FIELDS = Set.of("type", "applicantName", "request");

    private final Applications applications;
    private final CalendarStore calendars;
    private final Clock clock;

    ApplicationsApi(Applications applications, CalendarStore calendars, Clock clock) {
        this.applications = applications;
        this.calendars = calendars;
        this.clock = clock;
    }

    private ApplicationView view() {
        return new ApplicationView(calendars.calendar(), LicenceApplication.date(clock.instant()));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> create(
            @RequestBody(required = false) @Nullable String body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            Authentication authentication) {
        var actor = actor(authentication);
        var json = parse(body);
        var problems = new ArrayList<InputProblems.Problem>();
        for (var name : json.propertyNames()) {
            if (!CREATE_FIELDS.contains(name)) {
                problems.add(new InputProblems.Problem("/" + name, "is not a field of an application"));
            }
        }
        var type = enumField(json, "type", ApplicationType.class, problems);
        var name = text(json, "applicantName", problems);
        var request = json.get("request");
        if (request == null || !request.isObject()) {
            problems.add(new InputProblems.Problem(
                    "/request", "is required: the determination request (see the determinations API)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidApplicationInput(problems);
        }
        var created = applications.create(actor, type, name, JSON.writeValueAsString(request), key);
        return ResponseEntity.created(URI.create("/api/v1/applications/" + created.id()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(view().json(created));
    }

    @GetMapping
    String list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String due,
            Authentication authentication) {
        var actor = actor(authentication);
        var dueFilter = DueFilter.ANY;
        if (due != null) {
            try {
                dueFilter = DueFilter.valueOf(due.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidApplicationInput(List.of(new InputProblems.Problem(
                        "due", "'" + due.strip() + "' is not a deadline filter; use any, overdue or soon")));
            }
        }
        var node = JSON.createObjectNode();
        var items = node.putArray("applications");
        for (var a : applications.mine(actor)) {
            items.add(view().summary(a));
        }
        var queue = node.putArray("queue");
        List<ApplicationStatus> statuses = new ArrayList<>();
        if (status != null && !status.isBlank()) {
            for (var s : status.split(",")) {
                try {
                    statuses.add(ApplicationStatus.valueOf(s.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new InvalidApplicationInput(List.of(new InputProblems.Problem(
                            "status",
                            "'" + s.strip() + "' is not a status; use " + List.of(ApplicationStatus.values()))));
                }
            }
        }
        for (var row : applications.queue(actor, statuses, dueFilter)) {
            queue.add(view().row(row));
        }
        applications
                .dueSummary(actor)
                .ifPresent(summary -> node.putObject("deadlines")
                        .put("today", summary.today().toString())
                        .put("soonUntil", summary.soonUntil().toString())
                        .put("overdue", summary.overdue())
                        .put("dueSoon", summary.dueSoon()));
        return JSON.writeValueAsString(node);
    }

    @GetMapping("/{id}")
    String get(@PathVariable String id, Authentication authentication) {
        return view().json(applications.get(actor(authentication), id(id)));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    String revise(@PathVariable String id, @RequestBody(required = false) @Nullable String body, Authentication auth) {
        var json = parse(body);
        var problems = new ArrayList<InputProblems.Problem>();
        var version = version(json, problems);
        var name = text(json, "applicantName", problems);
        var request = json.get("request");
        if (request == null || !request.isObject()) {
            problems.add(new InputProblems.Problem("/request", "is required: the determination request"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidApplicationInput(problems);
        }
        return view().json(applications.revise(actor(auth), id(id), version, name, JSON.writeValueAsString(request)));
    }

    /**
     * A transition: {@code submit}, {@code correction-request}, {@code resubmission}, {@code acceptance},
     * {@code review}, {@code recommendation}, {@code decision}, {@code withdrawal} or {@code extension}.
     */
    @PostMapping(path = "/{id}/{transition}", consumes = MediaType.APPLICATION_JSON_VALUE)
    String transition(
            @PathVariable String id,
            @PathVariable String transition,
            @RequestBody(required = false) @Nullable String body,
            Authentication authentication) {
        var actor = actor(authentication);
        var app = id(id);
        var json = parse(body);
        var problems = new ArrayList<InputProblems.Problem>();
        var version = version(json, problems);
        LicenceApplication result;
        switch (transition) {
            case "submit" -> {
                check(problems);
                result = applications.submit(actor, app, version);
            }
            case "correction-request" -> {
                var reason = text(json, "reason", problems);
                check(problems);
                result = applications.requestCorrection(actor, app, version, reason);
            }
            case "resubmission" -> {
                check(problems);
                result = applications.resubmit(actor, app, version);
            }
            case "acceptance" -> {
                check(problems);
                result = applications.accept(actor, app, version);
            }
            case "review" -> {
                check(problems);
                result = applications.startReview(actor, app, version);
            }
            case "recommendation" -> {
                var verdict = enumField(json, "verdict", Verdict.class, problems);
                var reason = text(json, "reason", problems);
                check(problems);
                result = applications.recommend(actor, app, version, verdict, reason);
            }
            case "decision" -> {
                var verdict = enumField(json, "verdict", Verdict.class, problems);
                var reason = text(json, "reason", problems);
                check(problems);
                result = applications.decide(actor, app, version, verdict, reason);
            }
            case "withdrawal" -> {
                var reason = text(json, "reason", problems);
                check(problems);
                result = applications.withdraw(actor, app, version, reason);
            }
            case "extension" -> {
                var days = json.get("days");
                if (days == null || !days.isIntegralNumber() || !days.canConvertToInt()) {
                    problems.add(new InputProblems.Problem("/days", "is required: a whole number of days, 1-365"));
                }
                var reason = text(json, "reason", problems);
                check(problems);
                result = applications.extendDecision(actor, app, version, days.asInt(), reason);
            }
            default -> throw new ApplicationNotFound(app);
        }
        return view().json(result);
    }

    private static void check(List<InputProblems.Problem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidApplicationInput(problems);
        }
    }

    static Actor actor(Authentication authentication) {
        return CurrentUser.from(authentication)
                .map(Actor::of)
                .orElseThrow(() -> new ActionRefused(
                        ActionRefused.Kind.FORBIDDEN, "", "Applications need a Kaifang user account"));
    }

    static ApplicationId id(String text) {
        try {
            return ApplicationId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ApplicationNotFound(new ApplicationId(new java.util.UUID(0, 0)));
        }
    }

    static JsonNode parse(@Nullable String body) {
        return parse(body, JSON);
    }

    /** {@link #parse(String)} with {@code mapper}, e.g. one that keeps every digit of a decimal. */
    static JsonNode parse(@Nullable String body, JsonMapper mapper) {
        if (body == null || body.isBlank()) {
            throw new InvalidApplicationInput(
                    List.of(new InputProblems.Problem("", "the request body is empty: send a JSON object")));
        }
        try {
            var node = mapper.readTree(body);
            if (!node.isObject()) {
                throw new InvalidApplicationInput(
                        List.of(new InputProblems.Problem("", "the request must be a JSON object")));
            }
            return node;
        } catch (JacksonException e) {
            throw new InvalidApplicationInput(
                    List.of(new InputProblems.Problem("", "malformed JSON: " + e.getOriginalMessage())));
        }
    }

    static long version(JsonNode json, List<InputProblems.Problem> problems) {
        var v = json.get("version");
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 1) {
            problems.add(new InputProblems.Problem(
                    "/version", "is required: the version of the application this action was decided on"));
            return -1;
        }
        return v.asLong();
    }

    private static String text(JsonNode json, String field, List<InputProblems.Problem> problems) {
        var v = json.get(field);
        if (v == null || !v.isString() || v.asString().isBlank()) {
            problems.add(new InputProblems.Problem("/" + field, "is required: a non-empty text"));
            return "";
        }
        if (v.asString().length() > LicenceApplication.MAX_REASON) {
            problems.add(new InputProblems.Problem(
                    "/" + field, "may have at most " + LicenceApplication.MAX_REASON + " characters"));
        }
        return v.asString();
    }

    private static <E extends Enum<E>> @Nullable E enumField(
            JsonNode json, String field, Class<E> type, List<InputProblems.Problem> problems) {
        var v = json.get(field);
        var allowed = List.of(type.getEnumConstants());
        if (v == null || !v.isString()) {
            problems.add(new InputProblems.Problem("/" + field, "is required: one of " + allowed));
            return null;
        }
        try {
            return Enum.valueOf(type, v.asString());
        } catch (IllegalArgumentException e) {
            problems.add(new InputProblems.Problem("/" + field, "'" + v.asString() + "' is not one of " + allowed));
            return null;
        }
    }

    static HttpStatus status(ActionRefused e) {
        return switch (e.kind()) {
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
    }
}
