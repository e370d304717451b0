package org.kaifang.applications.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.CurrentUser;
import org.kaifang.accounts.Role;
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
import org.kaifang.eligibility.EligibilityCheck;
import org.kaifang.eligibility.InvalidRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application pages. {@code /applications}: an applicant's own applications, or the regulator's work queue (due
 * soonest first, overdue marked). {@code /applications/{id}}: the case page with the clocks, the determination made on
 * submission, the history, and the forms for the steps the signed-in user may take now. A draft is started from a
 * determination made on {@code /check}, so the applicant sees the determination before submitting.
 */
@Controller
class ApplicationPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Applications applications;
    private final EligibilityCheck eligibility;
    private final CalendarStore calendars;
    private final Clock clock;

    ApplicationPages(Applications applications, EligibilityCheck eligibility, CalendarStore calendars, Clock clock) {
        this.applications = applications;
        this.eligibility = eligibility;
        this.calendars = calendars;
        this.clock = clock;
    }

    @GetMapping("/applications")
    String list(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String due,
            Authentication authentication,
            Model model) {
        var actor = actor(authentication);
        var statuses = new ArrayList<ApplicationStatus>();
        if (status != null && !status.isBlank()) {
            try {
                statuses.add(ApplicationStatus.valueOf(status.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                // An unknown filter shows the open queue, as if none were given.
            }
        }
        var dueFilter = DueFilter.ANY;
        if (due != null) {
            try {
                dueFilter = DueFilter.valueOf(due.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // Likewise: an unknown deadline filter shows the whole queue.
            }
        }
        model.addAttribute(
                "view",
                new ApplicationsListView(
                        applications.mine(actor),
                        applications.queue(actor, statuses, dueFilter),
                        actor.has(Role.APPLICANT),
                        statuses.isEmpty() ? null : statuses.getFirst(),
                        LicenceApplication.date(clock.instant()),
                        applications.dueSummary(actor).orElse(null),
                        dueFilter));
        return "applications/list";
    }

    /** Starts a draft from a determination the applicant made on {@code /check}. */
    @PostMapping("/applications")
    String start(
            @RequestParam(defaultValue = "") String determination,
            @RequestParam(defaultValue = "NEW_LICENCE") String type,
            Authentication authentication) {
        var actor = actor(authentication);
        UUID id;
        try {
            id = UUID.fromString(determination);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        ApplicationType kind;
        try {
            kind = ApplicationType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        var request = eligibility.request(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var name = JSON.readTree(request).at("/applicant/name").asString("");
        try {
            var created = applications.create(actor, kind, name, request, null);
            return "redirect:/applications/" + created.id();
        } catch (ActionRefused e) {
            throw new ResponseStatusException(
                    e.kind() == ActionRefused.Kind.FORBIDDEN ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST);
        }
    }

    @GetMapping("/applications/{id}")
    String show(@PathVariable String id, Authentication authentication, Model model) {
        var actor = actor(authentication);
        var application = visible(() -> applications.get(actor, parse(id)));
        model.addAttribute("view", caseView(actor, application, Map.of(), null, null));
        return "applications/case";
    }

    /** One step on the case page; the form says which, and the version it was decided on. */
    @PostMapping("/applications/{id}")
    String act(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "0") long version,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String verdict,
            @RequestParam(defaultValue = "") String days,
            Authentication authentication,
            Model model) {
        var actor = actor(authentication);
        var app = parse(id);
        var errors = new LinkedHashMap<String, String>();
        Supplier<LicenceApplication> step = switch (action) {
            case "submit" -> () -> applications.submit(actor, app, version);
            case "resubmit" -> () -> applications.resubmit(actor, app, version);
            case "withdraw" -> () -> applications.withdraw(actor, app, version, reason);
            case "request-correction" -> () -> applications.requestCorrection(actor, app, version, reason);
            case "accept" -> () -> applications.accept(actor, app, version);
            case "start-review" -> () -> applications.startReview(actor, app, version);
            case "recommend" -> () -> applications.recommend(actor, app, version, verdict(verdict, errors), reason);
            case "decide" -> () -> applications.decide(actor, app, version, verdict(verdict, errors), reason);
            case "extend" -> () -> applications.extendDecision(actor, app, version, days(days, errors), reason);
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        };
        String conflict = null;
        try {
            if (errors.isEmpty()) {
                var done = visible(step);
                if (errors.isEmpty()) {
                    return "redirect:/applications/" + done.id() + "?done=" + action;
                }
            }
        } catch (ActionRefused e) {
            switch (e.kind()) {
                case INVALID -> errors.put(e.field(), "applications.error." + e.field());
                case CONFLICT -> conflict = e.getMessage();
                case FORBIDDEN -> throw new ResponseStatusException(HttpStatus.FORBIDDEN);
            }
        } catch (InvalidRequest e) {
            conflict = e.problems().stream()
                    .map(p -> "/request" + p.pointer() + ": " + p.message())
                    .reduce((a, b) -> a + "; " + b)
                    .orElse("");
        }
        var current = visible(() -> applications.get(actor, app));
        model.addAttribute("view", caseView(actor, current, errors, action, conflict));
        return "applications/case";
    }

    /** An officer re-runs the application's determination as of a date and sees what changed. */
    @GetMapping("/applications/{id}/rerun")
    String rerun(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String asOf,
            Authentication authentication,
            Model model) {
        var actor = actor(authentication);
        var app = parse(id);
        var application = visible(() -> applications.get(actor, app));
        java.time.LocalDate date = null;
        String error = null;
        if (asOf != null && !asOf.isBlank()) {
            try {
                date = java.time.LocalDate.parse(asOf.strip());
                if (date.getYear() < 1000 || date.getYear() > 9999) {
                    // Each re-run stores a determination: none for a date no legal text could be about.
                    date = null;
                    error = "applications.rerun.error.date";
                }
            } catch (java.time.format.DateTimeParseException e) {
                error = "applications.rerun.error.date";
            }
        }
        Applications.Rerun result = null;
        if (date != null) {
            try {
                var chosen = date;
                result = visible(() -> applications.rerun(actor, app, chosen));
            } catch (ActionRefused e) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN);
            } catch (InvalidRequest e) {
                error = "applications.rerun.error.request";
            }
        }
        model.addAttribute("application", application);
        model.addAttribute("asOf", asOf == null ? "" : asOf);
        model.addAttribute("error", error);
        model.addAttribute("rerun", result);
        return "applications/rerun";
    }

    private CaseView caseView(
            Actor actor,
            LicenceApplication a,
            Map<String, String> errors,
            @Nullable String failedAction,
            @Nullable String conflict) {
        var today = LicenceApplication.date(clock.instant());
        var calendar = calendars.calendar();
        return CaseView.of(a, actor, calendar, today, errors, failedAction, conflict);
    }

    private static @Nullable Verdict verdict(String text, Map<String, String> errors) {
        try {
            return Verdict.valueOf(text);
        } catch (IllegalArgumentException e) {
            errors.put("verdict", "applications.error.verdict");
            return null;
        }
    }

    private static int days(String text, Map<String, String> errors) {
        try {
            var n = Integer.parseInt(text.strip());
            if (n >= 1 && n <= 365) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.put("days", "applications.error.days");
        return 0;
    }

    /** The signed-in user as the actor of a page's action; 403 for a session without a Kaifang account. */
    static Actor actor(Authentication authentication) {
        return CurrentUser.from(authentication)
                .map(Actor::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }

    private static ApplicationId parse(String id) {
        try {
            return ApplicationId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** Not-found and not-visible are one answer: a 404 page. */
    private static <T> T visible(Supplier<T> work) {
        try {
            return work.get();
        } catch (ApplicationNotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
