package org.kaifang.licensing.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.CurrentUser;
import org.kaifang.accounts.Role;
import org.kaifang.licensing.CreditList;
import org.kaifang.licensing.CreditLists;
import org.kaifang.licensing.LicenceRefused;
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
 * The staff side of the telecom credit lists ({@code /credit-lists/bad}, {@code /credit-lists/dishonest}): the
 * regulator's staff see every entry, current and past, with the fields of MIIT's 2018 notice and whether the
 * annual-report sweep made it; a registrar adds an entry and takes one off with a reason. Plain forms, re-shown with
 * their problems. The public pages are the register's.
 */
@Controller
class CreditListPages {

    private final CreditLists lists;

    CreditListPages(CreditLists lists) {
        this.lists = lists;
    }

    @GetMapping("/credit-lists/{list}")
    String show(
            @PathVariable String list,
            @RequestParam(required = false) @Nullable String done,
            Authentication authentication,
            Model model) {
        var user = staff(authentication);
        var shown = "added".equals(done) || "removed".equals(done) ? done : null;
        model.addAttribute("view", view(user, list(list), Map.of(), null, Map.of(), shown, List.of()));
        return "licensing/credit-lists";
    }

    @PostMapping("/credit-lists/{list}")
    String add(
            @PathVariable String list,
            @RequestParam(defaultValue = "") String operator,
            @RequestParam(defaultValue = "") String uscc,
            @RequestParam(defaultValue = "") String licenceNumber,
            @RequestParam(defaultValue = "") String listedOn,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String authority,
            Authentication authentication,
            Model model) {
        var user = staff(authentication);
        var which = list(list);
        var typed = new LinkedHashMap<String, String>();
        typed.put("operator", operator);
        typed.put("uscc", uscc);
        typed.put("licenceNumber", licenceNumber);
        typed.put("listedOn", listedOn);
        typed.put("reason", reason);
        typed.put("authority", authority);
        var problems = new ArrayList<LicenceRefused.Problem>();
        var on = date(listedOn, "listedOn", problems);
        try {
            if (on == null) {
                // Without a date the domain refuses whatever else is typed (nothing is stored) and names every other
                // field at fault; the page's own word on the date replaces its "required".
                try {
                    lists.add(user, which, operator, uscc, licenceNumber, null, reason, authority);
                } catch (LicenceRefused e) {
                    if (e.kind() != LicenceRefused.Kind.INVALID) {
                        throw e;
                    }
                    e.problems().stream()
                            .filter(p -> !p.field().equals("listedOn"))
                            .forEach(problems::add);
                }
                throw new LicenceRefused(LicenceRefused.Kind.INVALID, "Invalid input", problems);
            }
            lists.add(user, which, operator, uscc, licenceNumber, on, reason, authority);
        } catch (LicenceRefused e) {
            return refused(e, user, which, typed, null, Map.of(), model);
        }
        return "redirect:/credit-lists/" + list + "?done=added";
    }

    @PostMapping("/credit-lists/entries/{entry}/removal")
    String remove(
            @PathVariable String entry,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String removedOn,
            Authentication authentication,
            Model model) {
        var user = staff(authentication);
        var found = lists.find(entry).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        var typed = Map.of("reason", reason, "removedOn", removedOn);
        var problems = new ArrayList<LicenceRefused.Problem>();
        var on = date(removedOn, "removedOn", problems);
        try {
            if (on == null) {
                // As above: refused without a date, nothing stored; the other problems named with the page's own.
                try {
                    lists.remove(user, entry, reason, null);
                } catch (LicenceRefused e) {
                    if (e.kind() != LicenceRefused.Kind.INVALID) {
                        throw e;
                    }
                    e.problems().stream()
                            .filter(p -> !p.field().equals("removedOn"))
                            .forEach(problems::add);
                }
                throw new LicenceRefused(LicenceRefused.Kind.INVALID, "Invalid input", problems);
            }
            lists.remove(user, entry, reason, on);
        } catch (LicenceRefused e) {
            return refused(e, user, found.list(), Map.of(), found.id(), typed, model);
        }
        return "redirect:/credit-lists/" + (found.list() == CreditList.BAD ? "bad" : "dishonest") + "?done=removed";
    }

    private String refused(
            LicenceRefused e,
            CurrentUser user,
            CreditList list,
            Map<String, String> add,
            @Nullable String removing,
            Map<String, String> removal,
            Model model) {
        switch (e.kind()) {
            case NOT_FOUND -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            case FORBIDDEN -> throw new ResponseStatusException(HttpStatus.FORBIDDEN);
            default -> {}
        }
        var problems = e.kind() == LicenceRefused.Kind.INVALID
                ? e.problems()
                : List.of(new LicenceRefused.Problem("", e.getMessage()));
        model.addAttribute("view", view(user, list, add, removing, removal, null, problems));
        return "licensing/credit-lists";
    }

    private CreditListView view(
            CurrentUser user,
            CreditList list,
            Map<String, String> add,
            @Nullable String removing,
            Map<String, String> removal,
            @Nullable String done,
            List<LicenceRefused.Problem> problems) {
        return new CreditListView(
                list,
                lists.entries(list),
                lists.automatic(list),
                user.has(Role.REGISTRAR),
                add,
                removing,
                removal,
                done,
                problems);
    }

    private static @Nullable LocalDate date(String text, String field, List<LicenceRefused.Problem> problems) {
        if (text.isBlank()) {
            problems.add(new LicenceRefused.Problem(field, "is required (YYYY-MM-DD)"));
            return null;
        }
        try {
            var day = LocalDate.parse(text.strip());
            // LocalDate reads years like -999999999, which a listing would then keep: dates have four-digit years.
            if (day.getYear() < 1000 || day.getYear() > 9999) {
                problems.add(new LicenceRefused.Problem(field, "is not a date (YYYY-MM-DD)"));
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            problems.add(new LicenceRefused.Problem(field, "is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static CreditList list(String name) {
        return switch (name) {
            case "bad" -> CreditList.BAD;
            case "dishonest" -> CreditList.DISHONEST;
            default -> throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        };
    }

    /** The regulator's staff only: an applicant is refused whatever the list. */
    private static CurrentUser staff(Authentication authentication) {
        var user =
                CurrentUser.from(authentication).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        if (user.has(Role.APPLICANT)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return user;
    }
}
