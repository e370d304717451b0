package org.kaifang.whatif;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kaifang.rules.RulePackRejected;
import org.kaifang.web.InputProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The what-if API for the regulator's staff: start a run with a bundled candidate ({@code {"candidate", "asOf"}}) or an
 * uploaded one (multipart: {@code file}, a zip of the pack, and {@code asOf}), list runs, read one with its report,
 * cancel it, download its affected enterprises as CSV, and one enterprise's per-rule difference. Bad input and a
 * defective candidate are 400 problem+json listing every problem; another organisation's run is 404.
 */
@RestController
class WhatIfApi {

    static final String PATH = "/api/v1/whatif/runs";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WhatIf whatIf;

    WhatIfApi(WhatIf whatIf) {
        this.whatIf = whatIf;
    }

    @PostMapping(value = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> start(
            @RequestBody(required = false) byte @Nullable [] body, Authentication authentication) {
        var user = WhatIfPages.user(authentication);
        JsonNode tree;
        try {
            tree = body == null || body.length == 0 ? null : JSON.readTree(body);
        } catch (tools.jackson.core.JacksonException e) {
            throw new RunRequest.Invalid(List.of(new InputProblems.Problem("", "malformed JSON")));
        }
        if (tree == null || !tree.isObject()) {
            throw new RunRequest.Invalid(
                    List.of(new InputProblems.Problem("", "send a JSON object {\"candidate\", \"asOf\"}")));
        }
        var request = RunRequest.read(text(tree, "candidate"), text(tree, "asOf"), whatIf.bundledCandidates(), false);
        var run = whatIf.start(user, whatIf.candidates().bundled(request.candidate()), request.asOf());
        return accepted(run);
    }

    @PostMapping(value = PATH, consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, Object>> upload(HttpServletRequest request, Authentication authentication)
            throws IOException {
        var user = WhatIfPages.user(authentication);
        MultipartFile file = request instanceof MultipartHttpServletRequest m ? m.getFile("file") : null;
        var problems = new java.util.ArrayList<InputProblems.Problem>();
        if (file == null || file.isEmpty()) {
            problems.add(new InputProblems.Problem("/file", "is required: a zip of the candidate pack's files"));
        } else if (file.getSize() > Candidates.MAX_UPLOAD_BYTES) {
            problems.add(
                    new InputProblems.Problem("/file", "is larger than " + Candidates.MAX_UPLOAD_BYTES + " bytes"));
        }
        RunRequest parsed = null;
        try {
            parsed = RunRequest.read(null, request.getParameter("asOf"), whatIf.bundledCandidates(), true);
        } catch (RunRequest.Invalid e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty() || parsed == null || file == null) {
            throw new RunRequest.Invalid(problems);
        }
        var candidate = whatIf.candidates().upload(file.getBytes());
        return accepted(whatIf.start(user, candidate, parsed.asOf()));
    }

    @GetMapping(PATH)
    List<Map<String, Object>> runs(Authentication authentication) {
        return whatIf.runs(WhatIfPages.user(authentication)).stream()
                .map(WhatIfApi::json)
                .toList();
    }

    @GetMapping(PATH + "/{id}")
    Map<String, Object> run(@PathVariable String id, Authentication authentication) {
        var run = find(id, authentication);
        var json = json(run);
        json.put("report", whatIf.report(run).groups());
        json.put("affected", "/api/v1/whatif/runs/" + run.id() + "/affected.csv");
        return json;
    }

    @PostMapping(PATH + "/{id}/cancel")
    ResponseEntity<Map<String, Object>> cancel(@PathVariable String id, Authentication authentication) {
        var run = find(id, authentication);
        if (!whatIf.cancel(run)) {
            throw new NotRunning(run.id());
        }
        return ResponseEntity.accepted().body(json(run));
    }

    @GetMapping(PATH + "/{id}/affected.csv")
    void csv(@PathVariable String id, Authentication authentication, HttpServletResponse response) throws IOException {
        var run = find(id, authentication);
        ChangesCsv.download(whatIf, run, response);
    }

    @GetMapping(PATH + "/{id}/enterprises/{ref}")
    EnterpriseDiff enterprise(@PathVariable String id, @PathVariable String ref, Authentication authentication) {
        var run = find(id, authentication);
        var diff = whatIf.diff(run, ref);
        if (diff.services().isEmpty()) {
            throw new NoRun();
        }
        return diff;
    }

    private Run find(String id, Authentication authentication) {
        return whatIf.find(WhatIfPages.user(authentication), id).orElseThrow(NoRun::new);
    }

    private static ResponseEntity<Map<String, Object>> accepted(Run run) {
        return ResponseEntity.accepted()
                .location(URI.create(PATH + "/" + run.id()))
                .body(json(run));
    }

    static Map<String, Object> json(Run r) {
        var json = new LinkedHashMap<String, Object>();
        json.put("id", r.id().toString());
        json.put("status", r.status().name());
        json.put("candidate", r.candidateSource());
        json.put("candidateVersion", r.candidateVersion());
        json.put("candidateDigest", r.candidateDigest());
        json.put("currentVersion", r.currentVersion());
        json.put("currentDigest", r.currentDigest());
        json.put("asOf", r.asOf().toString());
        json.put("startedBy", r.startedBy());
        json.put("startedAt", r.startedAt().toString());
        json.put("finishedAt", r.finishedAt() == null ? null : r.finishedAt().toString());
        json.put("estimate", r.estimate());
        json.put("subjects", r.subjects());
        json.put("skipped", r.skipped());
        json.put("services", r.services());
        json.put("distinctInputs", r.distinctInputs());
        json.put("gains", r.gains());
        json.put("losses", r.losses());
        json.put("percent", r.percent());
        json.put("problem", r.problem());
        return json;
    }

    private static @Nullable String text(JsonNode tree, String field) {
        var node = tree.get(field);
        return node == null || !node.isString() ? null : node.asString();
    }

    /** No such run, or not one the caller may see. */
    static final class NoRun extends RuntimeException {}

    /** Cancelling a run that is not running. */
    static final class NotRunning extends RuntimeException {
        NotRunning(UUID id) {
            super("run " + id + " is not running");
        }
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(RunRequest.Invalid e, HttpServletRequest request) {
        return InputProblems.badRequest(
                "invalid-whatif-run",
                "Invalid what-if run",
                "request",
                InputProblems.instance(request, PATH),
                e.problems());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(RulePackRejected e, HttpServletRequest request) {
        return InputProblems.badRequest(
                "invalid-candidate-pack",
                "Invalid candidate pack",
                "candidate pack",
                InputProblems.instance(request, PATH),
                e.problems().stream()
                        .map(p -> new InputProblems.Problem(
                                p.file().isEmpty() ? p.path() : "/" + p.file() + p.path(), p.message()))
                        .toList());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(NoRun e, HttpServletRequest request) {
        return InputProblems.problem(
                HttpStatus.NOT_FOUND, "not-found", "No such what-if run.", InputProblems.instance(request, PATH));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(NotRunning e, HttpServletRequest request) {
        return InputProblems.problem(
                HttpStatus.CONFLICT, "not-running", e.getMessage(), InputProblems.instance(request, PATH));
    }
}
