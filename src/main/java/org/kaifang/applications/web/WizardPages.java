package org.kaifang.applications.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.CurrentUser;
import org.kaifang.accounts.Role;
import org.kaifang.applications.ActionRefused;
import org.kaifang.applications.Actor;
import org.kaifang.applications.ApplicationId;
import org.kaifang.applications.ApplicationNotFound;
import org.kaifang.applications.ApplicationStatus;
import org.kaifang.applications.Applications;
import org.kaifang.applications.Documents;
import org.kaifang.applications.DraftIncomplete;
import org.kaifang.applications.DraftStep;
import org.kaifang.applications.Drafts;
import org.kaifang.applications.InvalidDraft;
import org.kaifang.applications.LicenceApplication;
import org.kaifang.eligibility.EligibilityCheck;
import org.kaifang.eligibility.InputProblem;
import org.kaifang.rules.Division;
import org.kaifang.rules.ServiceKind;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.core.JacksonException;

/**
 * The applicant's wizard over a draft, one page per step: {@code /applications/{id}/steps/company}, {@code ownership},
 * {@code services}, {@code documents} and {@code review}. Each step is a plain form (no JavaScript needed) with Back,
 * Save and continue, and Save and continue later; a step with problems is shown again with them, field by field, and
 * nothing is saved. {@code /applications/{id}/steps} resumes a draft at its first incomplete step. Only the applicant
 * organisation's applicants use it: others get 404 (another company) or 403 (the regulator's staff).
 */
@Controller
class WizardPages {

    private final Applications applications;
    private final Drafts drafts;
    private final Documents documents;
    private final EligibilityCheck eligibility;

    WizardPages(Applications applications, Drafts drafts, Documents documents, EligibilityCheck eligibility) {
        this.applications = applications;
        this.drafts = drafts;
        this.documents = documents;
        this.eligibility = eligibility;
    }

    /** Starts a draft, its company prefilled from the signed-in applicant's organisation, at the first step. */
    @PostMapping("/applications/drafts")
    String start(Authentication authentication) {
        var user =
                CurrentUser.from(authentication).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        var actor = Actor.of(user);
        if (!actor.has(Role.APPLICANT)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        var organisation = user.organisation();
        var uscc = organisation.uscc() == null ? null : organisation.uscc().value();
        var draft = drafts.start(actor, organisation.name(), uscc);
        return "redirect:/applications/" + draft.id() + "/steps/company";
    }

    /** Reopens a draft at its first incomplete step; anything but a draft opens its case page. */
    @GetMapping("/applications/{id}/steps")
    String resume(@PathVariable String id, Authentication authentication) {
        var actor = ApplicationPages.actor(authentication);
        var a = own(actor, id);
        if (a.status() != ApplicationStatus.DRAFT) {
            return "redirect:/applications/" + a.id();
        }
        return "redirect:/applications/" + a.id() + "/steps/"
                + drafts.progress(actor, a).firstIncomplete().slug();
    }

    @GetMapping("/applications/{id}/steps/{step}")
    String show(
            @PathVariable String id,
            @PathVariable String step,
            @RequestParam(required = false) @Nullable String saved,
            @RequestParam(name = "uploaded", required = false) @Nullable String uploaded,
            @RequestParam(name = "document-error", required = false) @Nullable String documentError,
            Authentication authentication,
            Model model) {
        var actor = ApplicationPages.actor(authentication);
        var a = own(actor, id);
        var which = step(step);
        if (a.status() != ApplicationStatus.DRAFT) {
            return "redirect:/applications/" + a.id();
        }
        var form = WizardForm.of(DraftTree.of(a.request()), a.type().name());
        var notice = saved != null && DraftStep.of(saved).isPresent() ? saved : null;
        return render(model, actor, a, which, form, Map.of(), notice, null, uploaded, documentError);
    }

    /**
     * Saves a step and moves on ({@code intent=next}), or saves and returns to the list ({@code intent=later}); on the
     * documents step, moves on; on the review, submits ({@code intent=submit}).
     */
    @PostMapping("/applications/{id}/steps/{step}")
    String save(
            @PathVariable String id,
            @PathVariable String step,
            @ModelAttribute WizardForm form,
            @RequestParam(defaultValue = "") String version,
            @RequestParam(defaultValue = "next") String intent,
            Authentication authentication,
            Model model,
            HttpServletResponse response) {
        var actor = ApplicationPages.actor(authentication);
        var a = own(actor, id);
        var which = step(step);
        long seen;
        try {
            seen = Long.parseLong(version.strip());
        } catch (NumberFormatException e) {
            seen = -1;
        }
        var later = "later".equals(intent);
        if (which == DraftStep.DOCUMENTS) {
            return later ? "redirect:/applications" : "redirect:" + href(a, DraftStep.REVIEW);
        }
        if (which == DraftStep.REVIEW) {
            try {
                var submitted = drafts.submit(actor, a.id(), seen);
                return "redirect:/applications/" + submitted.id() + "?done=submit";
            } catch (DraftIncomplete e) {
                response.setStatus(HttpStatus.CONFLICT.value());
                return render(
                        model,
                        actor,
                        a,
                        which,
                        WizardForm.of(DraftTree.of(a.request()), a.type().name()),
                        Map.of(),
                        null,
                        "incomplete",
                        null,
                        null);
            } catch (ActionRefused e) {
                return refused(e, model, actor, a, which, form, response);
            }
        }
        var errors = new LinkedHashMap<String, List<String>>();
        tools.jackson.databind.node.ObjectNode section = null;
        switch (which) {
            case COMPANY -> section = form.company();
            case SERVICES -> section = form.servicesSection();
            default -> {
                if (form.bothOwnerships()) {
                    errors.put(
                            "structure", List.of("give either the foreign equity or an ownership structure, not both"));
                } else {
                    try {
                        section = form.ownership();
                    } catch (JacksonException e) {
                        errors.put("structure", List.of("is neither valid JSON nor valid YAML"));
                    }
                }
            }
        }
        if (section != null) {
            try {
                drafts.save(actor, a.id(), seen, which, section);
                if (later) {
                    return "redirect:/applications?saved=" + a.id();
                }
                return "redirect:" + href(a, which.next().orElse(DraftStep.REVIEW)) + "?saved=" + which.slug();
            } catch (InvalidDraft e) {
                for (var p : e.problems()) {
                    errors.computeIfAbsent(WizardForm.field(p.pointer()), k -> new ArrayList<>())
                            .add(detail(p));
                }
            } catch (ActionRefused e) {
                return refused(e, model, actor, a, which, form, response);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return render(model, actor, applications.get(actor, a.id()), which, form, errors, null, null, null, null);
    }

    private String refused(
            ActionRefused e,
            Model model,
            Actor actor,
            LicenceApplication a,
            DraftStep which,
            WizardForm form,
            HttpServletResponse response) {
        if (e.kind() == ActionRefused.Kind.FORBIDDEN) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        var current = applications.get(actor, a.id());
        if (current.status() != ApplicationStatus.DRAFT) {
            return "redirect:/applications/" + current.id();
        }
        response.setStatus(HttpStatus.CONFLICT.value());
        return render(model, actor, current, which, form, Map.of(), null, "conflict", null, null);
    }

    private String render(
            Model model,
            Actor actor,
            LicenceApplication a,
            DraftStep step,
            WizardForm form,
            Map<String, List<String>> errors,
            @Nullable String notice,
            @Nullable String refusal,
            @Nullable String uploaded,
            @Nullable String documentError) {
        var pack = eligibility.pack();
        var groups = new ArrayList<WizardView.ServiceGroup>();
        for (var category : pack.catalogue().all()) {
            if (category.kind() == ServiceKind.BASIC) {
                continue;
            }
            var options = new ArrayList<WizardView.ServiceOption>();
            for (var item : category.items()) {
                options.add(new WizardView.ServiceOption(category.code() + "/" + item.code(), item.name()));
            }
            if (options.isEmpty()) {
                options.add(new WizardView.ServiceOption(category.code(), category.name()));
            }
            groups.add(new WizardView.ServiceGroup(category.code(), category.name(), options));
        }
        WizardView.Determination determination = null;
        org.kaifang.applications.DraftProgress progress;
        java.math.BigDecimal share;
        if (step == DraftStep.REVIEW) {
            var review = drafts.review(actor, a.id());
            progress = review.progress();
            share = review.foreignShare();
            determination = review.determination() == null ? null : WizardView.Determination.of(review.determination());
        } else {
            progress = drafts.progress(actor, a);
            share = drafts.foreignShare(a).orElse(null);
        }
        DocumentsView docs = null;
        if (step == DraftStep.DOCUMENTS || step == DraftStep.REVIEW) {
            docs = new DocumentsView(documents.checklist(actor, a), uploaded, documentError);
        }
        model.addAttribute(
                "view",
                new WizardView(
                        a,
                        step,
                        progress,
                        form,
                        errors,
                        notice,
                        refusal,
                        groups,
                        pack.divisions().listed().stream()
                                .filter(Division::mainland)
                                .toList(),
                        pack.divisions().provinces().stream()
                                .filter(Division::mainland)
                                .toList(),
                        List.copyOf(pack.zones().values()),
                        share,
                        determination,
                        docs));
        return "applications/wizard";
    }

    private static String detail(InputProblem p) {
        return p.message();
    }

    private static String href(LicenceApplication a, DraftStep step) {
        return "/applications/" + a.id() + "/steps/" + step.slug();
    }

    private static DraftStep step(String slug) {
        return DraftStep.of(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The application, when the actor is an applicant of its organisation: 404 for other companies, 403 for staff. */
    private LicenceApplication own(Actor actor, String id) {
        LicenceApplication a;
        try {
            a = applications.get(actor, ApplicationId.parse(id));
        } catch (ApplicationNotFound | IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!actor.has(Role.APPLICANT) || !actor.organisation().equals(a.applicant())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return a;
    }

    /** Reads a stored request for the form. */
    private static final class DraftTree {
        private static final tools.jackson.databind.json.JsonMapper JSON =
                tools.jackson.databind.json.JsonMapper.builder().build();

        static tools.jackson.databind.JsonNode of(String request) {
            try {
                return JSON.readTree(request);
            } catch (JacksonException e) {
                return JSON.createObjectNode();
            }
        }
    }
}
