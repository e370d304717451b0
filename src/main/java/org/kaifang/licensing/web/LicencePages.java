package org.kaifang.licensing.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.CurrentUser;
import org.kaifang.accounts.Role;
import org.kaifang.licensing.LicenceId;
import org.kaifang.licensing.LicenceRefused;
import org.kaifang.licensing.LicenceStatus;
import org.kaifang.licensing.Licences;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /licences}: the regulator's staff see every licence, an applicant its organisation's; {@code /licences/{id}}
 * shows one with its whole history and, for a registrar, the form to revoke, withdraw, cancel or invalidate it. The
 * form works without JavaScript; a refused input re-shows it with the problems next to the fields.
 */
@Controller
class LicencePages {

    private final Licences licences;

    LicencePages(Licences licences) {
        this.licences = licences;
    }

    @GetMapping("/licences")
    String list(@RequestParam(required = false) @Nullable String page, Authentication authentication, Model model) {
        var user = user(authentication);
        var number = 0;
        try {
            number = page == null ? 0 : Math.max(0, Math.min(Integer.parseInt(page.strip()), 100_000));
        } catch (NumberFormatException e) {
            number = 0;
        }
        var staff = !user.has(Role.APPLICANT);
        model.addAttribute("view", new LicenceListView(licences.visibleTo(user, number), number, staff));
        return "licensing/list";
    }

    @GetMapping("/licences/{id}")
    String show(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String done,
            Authentication authentication,
            Model model) {
        var user = user(authentication);
        var licence = find(user, id);
        model.addAttribute(
                "view",
                LicenceDetailView.of(
                        licence,
                        licences.history(licence.id()),
                        user.has(Role.REGISTRAR),
                        done != null && done.equals("ended"),
                        EndForm.blank(licence.version()),
                        List.of()));
        return "licensing/licence";
    }

    @PostMapping("/licences/{id}/end")
    String end(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String legalBasis,
            @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "") String version,
            Authentication authentication,
            Model model) {
        var user = user(authentication);
        var licence = find(user, id);
        var form = new EndForm(action, reason, legalBasis, date, version);
        var problems = new ArrayList<LicenceRefused.Problem>();
        var status = switch (action) {
            case "revoke" -> LicenceStatus.REVOKED;
            case "withdraw" -> LicenceStatus.WITHDRAWN;
            case "cancel" -> LicenceStatus.CANCELLED;
            case "invalidate" -> LicenceStatus.INVALID;
            default -> {
                problems.add(new LicenceRefused.Problem(
                        "action", "is required: choose revoke, withdraw, cancel or invalidate"));
                yield null;
            }
        };
        LocalDate on = null;
        if (!date.isBlank()) {
            try {
                on = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                problems.add(new LicenceRefused.Problem("date", "is not a date (YYYY-MM-DD)"));
            }
        }
        Long seen = null;
        try {
            seen = version.isBlank() ? null : Long.parseLong(version.strip());
        } catch (NumberFormatException e) {
            // A version that is not a number must not end the licence unchecked, as a blank one would.
            problems.add(new LicenceRefused.Problem("version", "is not a whole number"));
        }
        try {
            if (!problems.isEmpty() || status == null) {
                throw new LicenceRefused(LicenceRefused.Kind.INVALID, "Invalid input", problems);
            }
            licences.end(user, licence.id(), seen, status, reason, legalBasis, on);
        } catch (LicenceRefused e) {
            if (e.kind() == LicenceRefused.Kind.NOT_FOUND) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            if (e.kind() == LicenceRefused.Kind.FORBIDDEN) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN);
            }
            var shown = e.kind() == LicenceRefused.Kind.INVALID
                    ? merge(problems, e.problems())
                    : List.of(new LicenceRefused.Problem("", e.getMessage()));
            var current = find(user, id);
            model.addAttribute(
                    "view",
                    LicenceDetailView.of(
                            current, licences.history(current.id()), user.has(Role.REGISTRAR), false, form, shown));
            return "licensing/licence";
        }
        return "redirect:/licences/" + licence.id() + "?done=ended";
    }

    private static List<LicenceRefused.Problem> merge(
            List<LicenceRefused.Problem> first, List<LicenceRefused.Problem> second) {
        var all = new ArrayList<>(first);
        for (var p : second) {
            if (all.stream().noneMatch(q -> q.field().equals(p.field()))) {
                all.add(p);
            }
        }
        return all;
    }

    private org.kaifang.licensing.LicenceView find(CurrentUser user, String id) {
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
