package org.kaifang.licensing.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.CurrentUser;
import org.kaifang.accounts.Role;
import org.kaifang.licensing.AnnualReport;
import org.kaifang.licensing.AnnualReportForm;
import org.kaifang.licensing.AnnualReports;
import org.kaifang.licensing.LicenceId;
import org.kaifang.licensing.LicenceRefused;
import org.kaifang.licensing.LicenceView;
import org.kaifang.licensing.Licences;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The annual report (年报, Order 42 art. 35) pages: {@code /annual-reports} lists what a holder owes (or, for the
 * regulator's staff, what awaits confirmation); {@code /licences/{id}/annual-reports/{year}} is the holder's form —
 * saved as a draft any number of times, submitted complete with the typed commitment, re-shown with the problems by
 * the fields — and a registrar's confirmation. Plain forms: no JavaScript needed.
 */
@Controller
class AnnualReportPages {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final AnnualReports reports;
    private final Licences licences;
    private final Clock clock;

    AnnualReportPages(AnnualReports reports, Licences licences, Clock clock) {
        this.reports = reports;
        this.licences = licences;
        this.clock = clock;
    }

    @GetMapping("/annual-reports")
    String due(Authentication authentication, Model model) {
        var user = user(authentication);
        var staff = !user.has(Role.APPLICANT);
        model.addAttribute(
                "view", new ReportsDueView(staff ? reports.awaitingConfirmation(user) : reports.due(user), staff));
        return "licensing/annual-reports";
    }

    @GetMapping("/licences/{id}/annual-reports/{year}")
    String show(
            @PathVariable String id,
            @PathVariable String year,
            @RequestParam(required = false) @Nullable String done,
            Authentication authentication,
            Model model) {
        var user = user(authentication);
        var licence = find(user, id);
        var on = year(year);
        var report = reports.find(user, licence.id(), on).orElse(null);
        var form = report == null ? AnnualReportForm.empty() : report.form();
        var shown = done != null && List.of("saved", "submitted", "confirmed").contains(done) ? done : null;
        model.addAttribute("view", view(user, licence, on, report, form, shown, List.of()));
        return "licensing/annual-report";
    }

    @PostMapping("/licences/{id}/annual-reports/{year}")
    String save(
            @PathVariable String id,
            @PathVariable String year,
            @RequestParam MultiValueMap<String, String> fields,
            Authentication authentication,
            Model model) {
        var user = user(authentication);
        var licence = find(user, id);
        var on = year(year);
        var problems = new ArrayList<LicenceRefused.Problem>();
        var secrets = new HashSet<Integer>();
        for (var value : fields.getOrDefault("tradeSecret", List.of())) {
            switch (value.strip()) {
                case "1" -> secrets.add(1);
                case "2" -> secrets.add(2);
                case "3" -> secrets.add(3);
                default ->
                    problems.add(new LicenceRefused.Problem("tradeSecrets", "only items 1 to 3 can be trade secrets"));
            }
        }
        var form = new AnnualReportForm(
                fields.getFirst("business"),
                fields.getFirst("networkAndChanges"),
                fields.getFirst("serviceQuality"),
                fields.getFirst("security"),
                fields.getFirst("compliance"),
                fields.getFirst("other"),
                secrets,
                "true".equals(fields.getFirst("publishCompliance")),
                "true".equals(fields.getFirst("publishOther")),
                fields.getFirst("commitment"));
        var action = fields.getFirst("action");
        if (!"save".equals(action) && !"submit".equals(action)) {
            problems.add(new LicenceRefused.Problem("action", "choose to save a draft or to submit"));
        }
        try {
            if (!problems.isEmpty()) {
                throw new LicenceRefused(LicenceRefused.Kind.INVALID, "Invalid input", problems);
            }
            if ("submit".equals(action)) {
                reports.submit(user, licence.id(), on, form);
            } else {
                reports.saveDraft(user, licence.id(), on, form);
            }
        } catch (LicenceRefused e) {
            return refused(e, user, licence, on, form, model);
        }
        return "redirect:/licences/" + licence.id() + "/annual-reports/" + on + "?done="
                + ("submit".equals(action) ? "submitted" : "saved");
    }

    @PostMapping("/licences/{id}/annual-reports/{year}/confirmation")
    String confirm(@PathVariable String id, @PathVariable String year, Authentication authentication, Model model) {
        var user = user(authentication);
        var licence = find(user, id);
        var on = year(year);
        try {
            reports.confirm(user, licence.id(), on);
        } catch (LicenceRefused e) {
            var report = reports.find(user, licence.id(), on).orElse(null);
            return refused(e, user, licence, on, report == null ? AnnualReportForm.empty() : report.form(), model);
        }
        return "redirect:/licences/" + licence.id() + "/annual-reports/" + on + "?done=confirmed";
    }

    private String refused(
            LicenceRefused e, CurrentUser user, LicenceView licence, int year, AnnualReportForm form, Model model) {
        switch (e.kind()) {
            case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            case FORBIDDEN -> throw new ResponseStatusException(HttpStatus.FORBIDDEN);
            default -> {}
        }
        var problems = e.kind() == LicenceRefused.Kind.INVALID
                ? e.problems()
                : List.of(new LicenceRefused.Problem("", e.getMessage()));
        var report = reports.find(user, licence.id(), year).orElse(null);
        model.addAttribute("view", view(user, licence, year, report, form, null, problems));
        return "licensing/annual-report";
    }

    private AnnualReportView view(
            CurrentUser user,
            LicenceView licence,
            int year,
            @Nullable AnnualReport report,
            AnnualReportForm form,
            @Nullable String done,
            List<LicenceRefused.Problem> problems) {
        var today = LocalDate.ofInstant(clock.instant(), CHINA);
        var editable = Licences.heldBy(user, licence)
                && (report == null || report.status() == AnnualReport.Status.DRAFT)
                && year < today.getYear()
                && year >= licence.issuedOn().getYear();
        var confirmable =
                user.has(Role.REGISTRAR) && report != null && report.status() == AnnualReport.Status.SUBMITTED;
        return new AnnualReportView(licence, year, report, form, editable, confirmable, done, problems);
    }

    /** A year in the path: four digits, else there is no such page. */
    private static int year(String year) {
        if (!year.matches("[12][0-9]{3}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return Integer.parseInt(year);
    }

    private LicenceView find(CurrentUser user, String id) {
        try {
            return licences.get(user, new LicenceId(id));
        } catch (IllegalArgumentException | LicenceRefused e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static CurrentUser user(Authentication authentication) {
        return CurrentUser.from(authentication).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
