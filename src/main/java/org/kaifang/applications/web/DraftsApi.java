package org.kaifang.applications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.kaifang.applications.ApplicationNotFound;
import org.kaifang.applications.Applications;
import org.kaifang.applications.DraftProgress;
import org.kaifang.applications.DraftStep;
import org.kaifang.applications.Drafts;
import org.kaifang.applications.LicenceApplication;
import org.kaifang.calendar.CalendarStore;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The applicant's wizard over REST, on the same draft the pages edit: {@code GET .../steps} says how far the draft is,
 * {@code PUT .../steps/{step}} saves a step's section (in the determination request's own shape, with the
 * {@code version} read), {@code POST .../steps/submission} submits it when the rule pack's completeness rule is met.
 */
@RestController
@RequestMapping(path = "/api/v1/applications/{id}/steps", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Application wizard", description = "An applicant's draft, step by step: company, ownership, services")
class DraftsApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Reads a step's section keeping every digit of a decimal: read as a double, 100.0000000000000000000000000000001
     * would become 100 and pass as a valid share.
     */
    private static final JsonMapper EXACT = JsonMapper.builder()
            .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final Applications applications;
    private final Drafts drafts;
    private final CalendarStore calendars;
    private final Clock clock;

    DraftsApi(Applications applications, Drafts drafts, CalendarStore calendars, Clock clock) {
        this.applications = applications;
        this.drafts = drafts;
        this.calendars = calendars;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "How far a draft is: each step's problems, the documents missing, whether it may be submitted")
    String progress(@PathVariable String id, Authentication authentication) {
        var actor = ApplicationsApi.actor(authentication);
        var a = applications.get(actor, ApplicationsApi.id(id));
        return JSON.writeValueAsString(progress(a, drafts.progress(actor, a)));
    }

    @PutMapping(path = "/{step}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Save one step of a draft",
            description = "company: {\"version\":n,\"applicant\":{...}}; ownership: {\"version\":n,"
                    + "\"foreignEquityPercent\":x} or {\"version\":n,\"ownership\":{...}}; services: {\"version\":n,"
                    + "\"type\":\"NEW_LICENCE\",\"services\":[...]}. Problems point into the request.")
    String save(
            @PathVariable String id,
            @PathVariable String step,
            @RequestBody(required = false) @Nullable String body,
            Authentication authentication) {
        var actor = ApplicationsApi.actor(authentication);
        var app = ApplicationsApi.id(id);
        var which = DraftStep.of(step).filter(DraftStep::editsRequest).orElseThrow(() -> new ApplicationNotFound(app));
        var json = ApplicationsApi.parse(body, EXACT);
        var problems = new java.util.ArrayList<org.kaifang.web.InputProblems.Problem>();
        var version = ApplicationsApi.version(json, problems);
        if (!problems.isEmpty()) {
            throw new InvalidApplicationInput(problems);
        }
        var section = ((ObjectNode) json).deepCopy();
        section.remove("version");
        var saved = drafts.save(actor, app, version, which, section);
        return view().json(saved);
    }

    @PostMapping(path = "/submission", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Submit a draft once complete",
            description = "409 draft-incomplete, naming the incomplete steps and missing documents, while the rule"
                    + " pack's submission.complete-before-submitting is not met")
    String submit(
            @PathVariable String id,
            @RequestBody(required = false) @Nullable String body,
            Authentication authentication) {
        var actor = ApplicationsApi.actor(authentication);
        var json = ApplicationsApi.parse(body);
        var problems = new java.util.ArrayList<org.kaifang.web.InputProblems.Problem>();
        var version = ApplicationsApi.version(json, problems);
        if (!problems.isEmpty()) {
            throw new InvalidApplicationInput(problems);
        }
        return view().json(drafts.submit(actor, ApplicationsApi.id(id), version));
    }

    private ApplicationView view() {
        return new ApplicationView(calendars.calendar(), LicenceApplication.date(clock.instant()));
    }

    static ObjectNode progress(LicenceApplication a, DraftProgress progress) {
        var node = JSON.createObjectNode();
        node.put("id", a.id().toString());
        node.put("version", a.version());
        node.put("status", a.status().name());
        node.put("type", a.type().name());
        var steps = node.putArray("steps");
        for (var step : DraftStep.values()) {
            var s = steps.addObject();
            s.put("step", step.slug());
            s.put("complete", progress.complete(step));
            var list = s.putArray("problems");
            for (var p : progress.problemsOf(step)) {
                list.addObject().put("pointer", p.pointer()).put("message", p.message());
            }
        }
        var missing = node.putArray("missingDocuments");
        progress.missingDocuments().forEach(missing::add);
        node.put("resumeAt", progress.firstIncomplete().slug());
        node.put("canSubmit", a.status() == org.kaifang.applications.ApplicationStatus.DRAFT && progress.canSubmit());
        var rule = node.putObject("rule");
        rule.put("parameter", Drafts.COMPLETENESS);
        rule.put("steps", progress.stepsRequired());
        rule.put("documents", progress.documentsRequired());
        rule.put(
                "citation",
                progress.rule().citation().document() + " "
                        + progress.rule().citation().article());
        rule.put("confidence", progress.rule().confidence().name());
        return node;
    }
}
