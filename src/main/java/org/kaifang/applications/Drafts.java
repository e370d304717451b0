package org.kaifang.applications;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.kaifang.eligibility.EligibilityCheck;
import org.kaifang.eligibility.InputProblem;
import org.kaifang.eligibility.InvalidRequest;
import org.kaifang.ownership.InvalidStructure;
import org.kaifang.ownership.OwnershipAnalyses;
import org.kaifang.ownership.StructureReader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The applicant's wizard over a draft: company, ownership, services, documents, review and submit. Each step saves
 * its section of the draft's own determination request through {@link LicenceApplication#saveStep}, so the pages and
 * the API edit the same data; a step's input is checked with the determination's own checks (and the few the wizard
 * adds) before anything is saved. Every save is a transition: versioned, audited, in the history.
 */
@Service
public class Drafts {

    /** The rule pack parameter saying what must be complete before submitting. */
    public static final String COMPLETENESS = "submission.complete-before-submitting";

    private final Applications applications;
    private final Documents documents;
    private final EligibilityCheck eligibility;
    private final Clock clock;

    Drafts(Applications applications, Documents documents, EligibilityCheck eligibility, Clock clock) {
        this.applications = applications;
        this.documents = documents;
        this.eligibility = eligibility;
        this.clock = clock;
    }

    /**
     * A new draft for the actor's organisation, of a new licence, its company prefilled from the organisation's record
     * (name and credit code); the services step may change the type.
     */
    @Transactional
    public LicenceApplication start(Actor actor, String organisationName, @Nullable String uscc) {
        var today = LicenceApplication.date(clock.instant());
        return applications.create(
                actor,
                ApplicationType.NEW_LICENCE,
                organisationName,
                DraftRequest.initial(today, organisationName, uscc),
                null);
    }

    /**
     * Saves {@code step}'s section of the draft, in the request's shape: {@code {"applicant": {...}}},
     * {@code {"foreignEquityPercent": n}} or {@code {"ownership": {...}}}, {@code {"services": [...], "type": "..."}}.
     *
     * @throws InvalidDraft listing every problem of the section; nothing is saved
     * @throws ActionRefused when the actor may not edit it, it is no longer a draft, or the version is stale
     */
    @Transactional
    public LicenceApplication save(Actor actor, ApplicationId id, long version, DraftStep step, JsonNode section) {
        if (!step.editsRequest()) {
            throw new ApplicationNotFound(id);
        }
        var problems = new ArrayList<InputProblem>();
        if (!section.isObject()) {
            throw new InvalidDraft(step, List.of(new InputProblem("", "the step must be a JSON object")));
        }
        problems.addAll(DraftRequest.unknownFields(step, section, Set.of()));
        ApplicationType type = null;
        var typeNode = section.get("type");
        if (step == DraftStep.SERVICES && typeNode != null && !typeNode.isNull()) {
            try {
                type = ApplicationType.valueOf(typeNode.isString() ? typeNode.asString() : "");
            } catch (IllegalArgumentException e) {
                problems.add(new InputProblem("/type", "must be one of " + List.of(ApplicationType.values())));
            }
        }
        var chosen = type;
        requireEditor(actor, id);
        return applications.change(actor, id, version, a -> {
            var at = clock.instant();
            LicenceApplication next = null;
            try {
                // Who may edit, and in which state, is the aggregate's to say first; a refusal of the input itself
                // (a blank name) is reported below with every other problem of the step.
                next = a.saveStep(actor, step, section, chosen, at);
            } catch (ActionRefused e) {
                if (e.kind() != ActionRefused.Kind.INVALID) {
                    throw e;
                }
                problems.add(new InputProblem("/" + e.field(), e.getMessage()));
            }
            var merged = DraftRequest.merge(a.request(), step, section, LicenceApplication.date(at));
            for (var p : problems(step, merged)) {
                if (!problems.contains(p)) {
                    problems.add(p);
                }
            }
            if (!problems.isEmpty() || next == null) {
                throw new InvalidDraft(step, problems);
            }
            return next;
        });
    }

    /** How far the draft is; read for {@code actor}, who must be able to see it. */
    public DraftProgress progress(Actor actor, LicenceApplication a) {
        var problems = new EnumMap<DraftStep, List<InputProblem>>(DraftStep.class);
        var all = allProblems(a.request());
        for (var step : List.of(DraftStep.COMPANY, DraftStep.OWNERSHIP, DraftStep.SERVICES, DraftStep.REVIEW)) {
            var of = new ArrayList<InputProblem>(DraftRequest.required(step, a.request()));
            all.stream().filter(p -> DraftRequest.belongsTo(p, step)).forEach(of::add);
            if (!of.isEmpty()) {
                problems.put(step, of);
            }
        }
        var missing = documents.checklist(actor, a).missing();
        var rule = eligibility.pack().parameter(COMPLETENESS).require(LicenceApplication.date(clock.instant()));
        var value = rule.map();
        return new DraftProgress(
                problems,
                missing,
                Boolean.TRUE.equals(value.get("steps")),
                Boolean.TRUE.equals(value.get("documents")),
                rule);
    }

    /**
     * The review of a draft before it is submitted: how far it is, and its determination (eligibility and screening)
     * as of today, judged without storing it; no determination while the request is invalid.
     */
    public Review review(Actor actor, ApplicationId id) {
        var a = applications.get(actor, id);
        var progress = progress(actor, a);
        var today = LicenceApplication.date(clock.instant());
        String determination = null;
        try {
            determination = eligibility.preview(DraftRequest.tree(DraftRequest.dated(a.request(), today)));
        } catch (InvalidRequest e) {
            // The progress lists what is wrong; there is nothing to judge yet.
        }
        return new Review(a, progress, determination, foreignShare(a).orElse(null));
    }

    /**
     * A draft under review: the application, how far it is, and its determination as of today as JSON (the shape of
     * the determinations API), {@code null} while the request cannot be judged.
     *
     * @param foreignShare the foreign share the request gives or its structure computes (look-through), in percent
     */
    public record Review(
            LicenceApplication application,
            DraftProgress progress,
            @Nullable String determination,
            @Nullable BigDecimal foreignShare) {}

    /**
     * Submits the draft, judged as of today, when the steps and documents the rule pack requires are complete.
     *
     * @throws DraftIncomplete when they are not; nothing changes
     */
    @Transactional
    public LicenceApplication submit(Actor actor, ApplicationId id, long version) {
        requireEditor(actor, id);
        return applications.change(actor, id, version, a -> {
            var now = clock.instant();
            var today = LicenceApplication.date(now);
            var dated = a.datedForSubmission(actor, today);
            var progress = progress(actor, dated);
            if (!progress.canSubmit()) {
                throw new DraftIncomplete(progress);
            }
            return dated.submit(
                    actor, applications.snapshot(dated), applications.limit("time-limit.acceptance", today), now);
        });
    }

    /**
     * The foreign share the draft's request gives: the figure it states, or the look-through share its ownership
     * structure computes (the measure the determination judges); empty when it gives neither, or they cannot be read.
     */
    public Optional<BigDecimal> foreignShare(LicenceApplication a) {
        var tree = DraftRequest.tree(a.request());
        var figure = tree.get("foreignEquityPercent");
        if (figure != null && figure.isNumber()) {
            return Optional.of(figure.decimalValue().stripTrailingZeros());
        }
        var structure = tree.get("ownership");
        if (structure == null || !structure.isObject()) {
            return Optional.empty();
        }
        try {
            var date = java.time.LocalDate.parse(tree.path("asOf").asString(""));
            var pack = eligibility.pack();
            if (date.isBefore(pack.coverageFrom())) {
                return Optional.empty();
            }
            var analysis = OwnershipAnalyses.analyser(pack, date)
                    .analyse(StructureReader.read(structure, "/ownership", false));
            return Optional.of(BigDecimal.valueOf(analysis.foreignEquity().lookThrough())
                    .setScale(4, RoundingMode.HALF_UP)
                    .stripTrailingZeros());
        } catch (InvalidStructure | java.time.format.DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Refuses anyone but an applicant of the applying organisation before the version is compared, so that the
     * regulator's staff, who may see a draft, are told they may not edit it rather than that it changed. The aggregate
     * checks the same again when it moves.
     */
    private void requireEditor(Actor actor, ApplicationId id) {
        var current = applications.get(actor, id);
        if (!actor.has(org.kaifang.accounts.Role.APPLICANT)
                || !actor.organisation().equals(current.applicant())) {
            throw ActionRefused.forbidden("Only an applicant of the applying organisation may do this");
        }
    }

    /** The problems of {@code step}'s section of {@code request}: the wizard's own checks, then the determination's. */
    private List<InputProblem> problems(DraftStep step, String request) {
        var problems = new ArrayList<>(DraftRequest.required(step, request));
        allProblems(request).stream()
                .filter(p -> DraftRequest.belongsTo(p, step))
                .forEach(problems::add);
        return problems;
    }

    private List<InputProblem> allProblems(String request) {
        return eligibility.problems(DraftRequest.tree(request));
    }
}
