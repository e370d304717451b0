package org.kaifang.screening.web;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kaifang.screening.AlertNotFound;
import org.kaifang.screening.AlertStatus;
import org.kaifang.screening.Announcement;
import org.kaifang.screening.InvalidReview;
import org.kaifang.screening.ListEntry;
import org.kaifang.screening.Party;
import org.kaifang.screening.ScreeningAlert;
import org.kaifang.screening.ScreeningLists;
import org.kaifang.screening.ScreeningReviews;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The screening pages: {@code /screening} screens names and raises alerts for the hits an officer must look at;
 * {@code /screening/reviews} is the queue where officers confirm or dismiss them with a reason; {@code /screening/lists}
 * is the public list browser, each listing with its announcement and its status over time. The pages work without
 * JavaScript.
 */
@Controller
class ScreeningPages {

    /** The most names one form screens; larger batches go through the API or the command line. */
    static final int MAX_NAMES = 100;

    static final int MAX_NAME = 500;

    private final ScreeningLists lists;
    private final ScreeningReviews reviews;
    private final Clock clock;

    ScreeningPages(ScreeningLists lists, ScreeningReviews reviews, Clock clock) {
        this.lists = lists;
        this.reviews = reviews;
        this.clock = clock;
    }

    @GetMapping("/screening")
    String form(Model model) {
        var screening = lists.current();
        model.addAttribute(
                "view", ScreenView.empty(LocalDate.now(clock).toString(), screening.list(), reviews.counts()));
        return "screening/screen";
    }

    @PostMapping("/screening")
    String screen(
            @RequestParam(defaultValue = "") String names,
            @RequestParam(defaultValue = "") String asOf,
            Principal principal,
            Model model) {
        var screening = lists.current();
        var errors = new LinkedHashMap<String, String>();
        var parties = new ArrayList<String>();
        for (var line : names.split("\\R")) {
            var name = line.strip();
            if (!name.isEmpty()) {
                parties.add(name);
            }
        }
        if (parties.isEmpty()) {
            errors.put("names", "screening.names.error.required");
        } else if (parties.size() > MAX_NAMES) {
            errors.put("names", "screening.names.error.tooMany");
        } else if (parties.stream().anyMatch(n -> n.length() > MAX_NAME)) {
            errors.put("names", "screening.names.error.tooLong");
        }
        LocalDate date = null;
        try {
            date = asOf.isBlank() ? LocalDate.now(clock) : LocalDate.parse(asOf.strip());
            if (date.getYear() < 1990 || date.getYear() > 2100) {
                errors.put("asOf", "screening.asOf.error.range");
            }
        } catch (DateTimeParseException e) {
            errors.put("asOf", "screening.asOf.error.format");
        }
        if (!errors.isEmpty() || date == null) {
            model.addAttribute(
                    "view", new ScreenView(names, asOf, errors, List.of(), screening.list(), reviews.counts()));
            return "screening/screen";
        }
        var now = clock.instant();
        var results = new ArrayList<ScreenView.Row>();
        for (var name : parties) {
            var result = screening.screen(Party.named(name), date);
            var reviewed = reviews.raise(result, principal.getName(), now);
            results.add(new ScreenView.Row(result, reviewed));
        }
        model.addAttribute(
                "view", new ScreenView(names, date.toString(), Map.of(), results, screening.list(), reviews.counts()));
        return "screening/screen";
    }

    @GetMapping("/screening/reviews")
    String queue(@RequestParam(defaultValue = "OPEN") String status, Model model) {
        AlertStatus chosen;
        try {
            chosen = AlertStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            chosen = AlertStatus.OPEN;
        }
        model.addAttribute("status", chosen);
        model.addAttribute("alerts", reviews.queue(chosen));
        model.addAttribute("counts", reviews.counts());
        return "screening/reviews";
    }

    @GetMapping("/screening/reviews/{id}")
    String alert(@PathVariable String id, Model model) {
        model.addAttribute("view", new AlertView(alert(id), "", "", Map.of(), false));
        return "screening/alert";
    }

    @PostMapping("/screening/reviews/{id}")
    String decide(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String decision,
            @RequestParam(defaultValue = "") String reason,
            Principal principal,
            Model model) {
        var alert = alert(id);
        AlertStatus chosen = null;
        if (decision.equals("CONFIRMED") || decision.equals("DISMISSED")) {
            chosen = AlertStatus.valueOf(decision);
        }
        var errors = new LinkedHashMap<String, String>();
        if (chosen == null) {
            errors.put("decision", "screening.review.error.decision");
        }
        if (reason.isBlank()) {
            errors.put("reason", "screening.review.error.reason");
        } else if (reason.strip().length() > ScreeningAlert.MAX_REASON) {
            errors.put("reason", "screening.review.error.reasonLong");
        }
        if (errors.isEmpty()) {
            try {
                var decided = reviews.decide(alert.id(), chosen, reason, principal.getName(), clock.instant());
                model.addAttribute("view", new AlertView(decided, "", "", Map.of(), true));
                return "screening/alert";
            } catch (InvalidReview e) {
                for (var p : e.problems()) {
                    errors.put(p.field(), "screening.review.error." + p.field());
                }
                alert = alert(id);
            }
        }
        model.addAttribute("view", new AlertView(alert, decision, reason, errors, false));
        return "screening/alert";
    }

    @GetMapping("/screening/lists")
    String lists(@RequestParam(required = false) @Nullable String asOf, Model model) {
        var screening = lists.current();
        LocalDate date;
        try {
            date = asOf == null || asOf.isBlank() ? LocalDate.now(clock) : LocalDate.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            date = LocalDate.now(clock);
        }
        var byAnnouncement = new LinkedHashMap<Announcement, List<ListEntry>>();
        for (var entry :
                screening.data().stream().flatMap(l -> l.entries().stream()).toList()) {
            for (var listing : entry.listings()) {
                byAnnouncement
                        .computeIfAbsent(listing.announcement(), a -> new ArrayList<>())
                        .add(entry);
            }
        }
        var announcements = new ArrayList<ListsView.AnnouncementView>();
        for (var e : byAnnouncement.entrySet()) {
            announcements.add(ListsView.AnnouncementView.of(e.getKey(), e.getValue(), date));
        }
        announcements.sort(Comparator.comparing(
                        (ListsView.AnnouncementView a) -> a.announcement().date())
                .reversed()
                .thenComparing(a -> a.announcement().id()));
        model.addAttribute("view", new ListsView(screening.list(), date, announcements));
        return "screening/lists";
    }

    private ScreeningAlert alert(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            return reviews.find(uuid).orElseThrow(() -> new AlertNotFound(uuid));
        } catch (AlertNotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
