package org.kaifang.whatif;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.CurrentUser;
import org.kaifang.rules.RulePackRejected;
import org.kaifang.web.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.HtmlUtils;

/**
 * The what-if pages for the regulator's staff (the security configuration asks for a regulator role): the runs with a
 * form to start one, a run's page with its live progress (server-sent events, swapped in by htmx's SSE extension) and
 * then its report, the affected enterprises' CSV and one enterprise's per-rule difference. Another organisation's run
 * is 404. Without JavaScript the run page has a link to look again.
 */
@Controller
class WhatIfPages {

    static final String PATH = "/whatif";

    /** How many affected enterprises the run page lists; the CSV has them all. */
    static final int AFFECTED_SHOWN = 200;

    private final WhatIf whatIf;

    WhatIfPages(WhatIf whatIf) {
        this.whatIf = whatIf;
    }

    @GetMapping(PATH)
    String runs(Authentication authentication, Model model) {
        var user = user(authentication);
        var today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        var candidates = whatIf.bundledCandidates();
        model.addAttribute(
                "view",
                Views.form(
                        candidates,
                        candidates.isEmpty() ? "" : candidates.getFirst(),
                        today,
                        java.util.Map.of(),
                        whatIf.runs(user)));
        return "whatif/runs";
    }

    @PostMapping(PATH)
    String start(
            @RequestParam(required = false) @Nullable String candidate,
            @RequestParam(required = false) @Nullable String asOf,
            Authentication authentication,
            Model model,
            HttpServletResponse response) {
        var user = user(authentication);
        var candidates = whatIf.bundledCandidates();
        try {
            var request = RunRequest.read(candidate, asOf, candidates, false);
            var run = whatIf.start(user, whatIf.candidates().bundled(request.candidate()), request.asOf());
            return "redirect:" + PATH + "/runs/" + run.id();
        } catch (RunRequest.Invalid e) {
            var problems = new LinkedHashMap<String, String>();
            e.problems().forEach(p -> problems.put(p.pointer().substring(1), p.message()));
            return reshow(model, response, user, candidate, asOf, candidates, problems);
        } catch (RulePackRejected e) {
            var problems = new LinkedHashMap<String, String>();
            problems.put("candidate", e.getMessage());
            return reshow(model, response, user, candidate, asOf, candidates, problems);
        }
    }

    private String reshow(
            Model model,
            HttpServletResponse response,
            CurrentUser user,
            @Nullable String candidate,
            @Nullable String asOf,
            java.util.List<String> candidates,
            java.util.Map<String, String> problems) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute(
                "view",
                Views.form(
                        candidates,
                        candidate == null ? "" : candidate,
                        asOf == null ? "" : asOf,
                        problems,
                        whatIf.runs(user)));
        return "whatif/runs";
    }

    @GetMapping(PATH + "/runs/{id}")
    String run(@PathVariable String id, Authentication authentication, Model model) {
        var run = run(id, authentication);
        var page = (Page) model.getAttribute("page");
        var zh = page != null && page.zh();
        var affected = whatIf.changes(run, 0, AFFECTED_SHOWN + 1);
        var more = affected.size() > AFFECTED_SHOWN;
        model.addAttribute(
                "view",
                Views.report(
                        whatIf.report(run),
                        more ? affected.subList(0, AFFECTED_SHOWN) : affected,
                        more,
                        whatIf.pack(),
                        zh));
        return "whatif/run";
    }

    @PostMapping(PATH + "/runs/{id}/cancel")
    String cancel(@PathVariable String id, Authentication authentication) {
        whatIf.cancel(run(id, authentication));
        return "redirect:" + PATH + "/runs/" + id;
    }

    @GetMapping(PATH + "/runs/{id}/enterprises/{ref}")
    String enterprise(@PathVariable String id, @PathVariable String ref, Authentication authentication, Model model) {
        var run = run(id, authentication);
        var diff = whatIf.diff(run, ref);
        if (diff.services().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        var page = (Page) model.getAttribute("page");
        model.addAttribute("view", Views.enterprise(run, diff, page != null && page.zh()));
        return "whatif/enterprise";
    }

    @GetMapping(PATH + "/runs/{id}/affected.csv")
    void csv(@PathVariable String id, Authentication authentication, HttpServletResponse response) throws IOException {
        var run = run(id, authentication);
        ChangesCsv.download(whatIf, run, response);
    }

    /**
     * The run's progress as server-sent events: {@code progress} with an HTML fragment on every page of subjects, then
     * {@code done} with a link to the report, after which the stream ends.
     */
    @GetMapping(value = PATH + "/runs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable String id, Authentication authentication, Model model) {
        var run = run(id, authentication);
        var page = (Page) model.getAttribute("page");
        var labels = page == null ? Labels.ENGLISH : Labels.of(page);
        var emitter = new SseEmitter(30 * 60_000L);
        Consumer<Run> listener = new Consumer<>() {
            @Override
            public void accept(Run r) {
                try {
                    emitter.send(SseEmitter.event().name("progress").data(labels.progress(r)));
                    if (r.status().finished()) {
                        emitter.send(SseEmitter.event().name("done").data(labels.done(r)));
                        emitter.complete();
                    }
                } catch (IOException | IllegalStateException e) {
                    whatIf.unlisten(run.id(), this);
                    throw new IllegalStateException("the browser went away", e);
                }
            }
        };
        emitter.onCompletion(() -> whatIf.unlisten(run.id(), listener));
        emitter.onTimeout(() -> whatIf.unlisten(run.id(), listener));
        if (!whatIf.listen(run.id(), listener)) {
            // Finished before the browser asked: the stored state is final.
            var stored = whatIf.find(user(authentication), run.id()).orElse(run);
            try {
                emitter.send(SseEmitter.event().name("progress").data(labels.progress(stored)));
                emitter.send(SseEmitter.event().name("done").data(labels.done(stored)));
            } catch (IOException e) {
                // The browser went away; nothing to tell it.
            }
            emitter.complete();
        }
        return emitter;
    }

    /** The texts of the progress fragments, taken from the page's language while the request lasts. */
    record Labels(
            String progress,
            String gains,
            String losses,
            String finished,
            String show,
            Map<RunStatus, String> statuses) {

        static final Labels ENGLISH = new Labels(
                "{0} of at most {1} subjects judged ({2}%)",
                "gains",
                "losses",
                "The run has ended:",
                "Show the report",
                Map.of(
                        RunStatus.RUNNING, "running",
                        RunStatus.DONE, "done",
                        RunStatus.CANCELLED, "cancelled",
                        RunStatus.FAILED, "failed"));

        static Labels of(Page page) {
            return new Labels(
                    page.t("whatif.progress"),
                    page.t("whatif.gains"),
                    page.t("whatif.losses"),
                    page.t("whatif.finished"),
                    page.t("whatif.showReport"),
                    java.util.Arrays.stream(RunStatus.values())
                            .collect(java.util.stream.Collectors.toMap(
                                    s -> s, s -> page.t("whatif.status." + s.name()))));
        }

        String progress(Run r) {
            var text = progress.replace("{0}", String.format("%,d", r.subjects() + r.skipped()))
                    .replace("{1}", String.format("%,d", r.estimate()))
                    .replace("{2}", Integer.toString(r.percent()));
            return "<p id=\"progress-text\" data-status=\"" + r.status() + "\">" + HtmlUtils.htmlEscape(text) + " · "
                    + String.format("%,d", r.gains()) + " " + HtmlUtils.htmlEscape(gains) + " · "
                    + String.format("%,d", r.losses()) + " " + HtmlUtils.htmlEscape(losses) + "</p>"
                    + "<progress id=\"progress-bar\" max=\"100\" value=\"" + r.percent()
                    + "\" aria-labelledby=\"progress-text\">"
                    + r.percent() + "%</progress>";
        }

        String done(Run r) {
            return "<p id=\"run-finished\">" + HtmlUtils.htmlEscape(finished) + " " + r.status()
                    + ". <a id=\"show-report\" href=\"" + PATH + "/runs/" + r.id() + "\">" + HtmlUtils.htmlEscape(show)
                    + "</a></p>";
        }
    }

    private Run run(String id, Authentication authentication) {
        return whatIf.find(user(authentication), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    static CurrentUser user(@Nullable Authentication authentication) {
        return CurrentUser.from(authentication).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
