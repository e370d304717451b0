package org.kaifang.applications;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.Role;
import org.kaifang.calendar.StatutoryClock;
import org.kaifang.calendar.TimeLimit;

/**
 * A licence application and its workflow. Every transition is a method that checks its own preconditions, among them
 * the four-eyes rules, whatever the pages or the API do:
 *
 * <ul>
 *   <li>an applicant acts only on its own organisation's applications, and only applicants do the applicant's steps;
 *   <li>nobody acts as officer or approver on an application from their own organisation;
 *   <li>the approver is never the officer who recommended.
 * </ul>
 *
 * <p>Instances are immutable: a transition returns the next state with one more {@link Step} in the history and the
 * version unchanged; the store increments the version when it saves, refusing a save over a newer version.
 *
 * <p>Two statutory clocks run on China's working-day calendar: acceptance (from submission; paused while a correction
 * is outstanding, resumed on resubmission; stopped on acceptance) and decision (from acceptance; stopped by the decision
 * or a withdrawal; it can be extended by an approver with a reason). Dates are taken in China's time zone.
 */
public record LicenceApplication(
        ApplicationId id,
        long version,
        ApplicationType type,
        String applicant,
        String applicantName,
        Instant createdAt,
        ApplicationStatus status,
        String request,
        @Nullable Submission submission,
        @Nullable String correction,
        @Nullable StatutoryClock acceptanceClock,
        @Nullable StatutoryClock decisionClock,
        @Nullable Recommendation recommendation,
        @Nullable Decision decision,
        List<Step> history) {

    /** Legal dates are dates in China. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The longest reason kept. */
    public static final int MAX_REASON = 2000;

    public LicenceApplication {
        history = List.copyOf(history);
    }

    /**
     * What was submitted: the determination made of the request at that moment (eligibility and screening), as stored.
     *
     * @param determination the stored determination's id
     * @param overall its overall outcome
     */
    public record Submission(Instant at, String determination, String overall, String rulePack) {}

    /** A case officer's recommendation. */
    public record Recommendation(String officer, String officerName, Verdict verdict, String reason, Instant at) {}

    /** An approver's decision. */
    public record Decision(String approver, String approverName, Verdict verdict, String reason, Instant at) {}

    /**
     * A new draft by {@code actor} for their own organisation.
     *
     * @throws ActionRefused when the actor is not an applicant
     */
    public static LicenceApplication draft(
            ApplicationId id, ApplicationType type, Actor actor, String applicantName, String request, Instant at) {
        if (!actor.has(Role.APPLICANT)) {
            throw ActionRefused.forbidden("Only an applicant may start an application");
        }
        requireName(applicantName);
        var step = new Step(
                at,
                actor.user(),
                actor.username(),
                actor.organisation(),
                "create",
                ApplicationStatus.DRAFT,
                ApplicationStatus.DRAFT,
                null);
        return new LicenceApplication(
                id,
                0,
                type,
                actor.organisation(),
                applicantName.strip(),
                at,
                ApplicationStatus.DRAFT,
                request,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(step));
    }

    /** Whether {@code actor} may see this application: its own applicants, and the regulator's staff from elsewhere. */
    public boolean visibleTo(Actor actor) {
        if (actor.organisation().equals(applicant)) {
            return actor.has(Role.APPLICANT);
        }
        return actor.has(Role.CASE_OFFICER)
                || actor.has(Role.APPROVER)
                || actor.has(Role.REGISTRAR)
                || actor.has(Role.ADMIN);
    }

    /** The applicant replaces the request while the application is a draft or awaits correction. */
    public LicenceApplication revise(Actor actor, String applicantName, String request, Instant at) {
        requireApplicant(actor);
        requireStatus("revise", ApplicationStatus.DRAFT, ApplicationStatus.CORRECTION_REQUESTED);
        requireName(applicantName);
        return next(actor, "revise", status, null, at)
                .with(applicantName.strip(), request, submission, correction, acceptanceClock, decisionClock);
    }

    /**
     * The applicant saves one step of the wizard on a draft: {@code section}, in the request's own shape, replaces that
     * step's part of the request (the rest stays as saved) and the request is dated {@code at}, the day it is judged by.
     * The company step renames the applicant; the services step may change the application's type. Only a draft is
     * edited this way: once submitted, the request changes only through a correction.
     *
     * @param type the application's type after the services step; ignored by the other steps, kept when {@code null}
     */
    public LicenceApplication saveStep(
            Actor actor,
            DraftStep step,
            tools.jackson.databind.JsonNode section,
            @Nullable ApplicationType type,
            Instant at) {
        requireApplicant(actor);
        requireStatus("edit the draft's " + step.slug(), ApplicationStatus.DRAFT);
        if (!step.editsRequest()) {
            throw ActionRefused.invalid("step", "the " + step.slug() + " step saves nothing in the request");
        }
        var merged = DraftRequest.merge(request, step, section, date(at));
        var name = applicantName;
        if (step == DraftStep.COMPANY) {
            var given = DraftRequest.tree(merged).at("/applicant/name");
            name = given.isString() ? given.asString().strip() : "";
            if (name.isEmpty()) {
                throw ActionRefused.invalid("applicant/name", "is required");
            }
            requireName(name);
        }
        var kind = step == DraftStep.SERVICES && type != null ? type : this.type;
        var moved = next(actor, "step-" + step.slug(), status, null, at);
        return new LicenceApplication(
                id,
                version,
                kind,
                applicant,
                name,
                createdAt,
                status,
                merged,
                submission,
                correction,
                acceptanceClock,
                decisionClock,
                recommendation,
                decision,
                moved.history);
    }

    /**
     * This draft with its request dated {@code asOf}, to be submitted at once: what is judged on submission is the draft
     * as of the day it is submitted, the same determination the review step showed.
     */
    LicenceApplication datedForSubmission(Actor actor, LocalDate asOf) {
        requireApplicant(actor);
        requireStatus("submit", ApplicationStatus.DRAFT);
        return with(
                applicantName,
                DraftRequest.dated(request, asOf),
                submission,
                correction,
                acceptanceClock,
                decisionClock);
    }

    /** The applicant submits; the acceptance clock starts. */
    public LicenceApplication submit(Actor actor, Submission snapshot, TimeLimit acceptance, Instant at) {
        requireApplicant(actor);
        requireStatus("submit", ApplicationStatus.DRAFT);
        var clock = StatutoryClock.start(date(at), acceptance);
        return next(actor, "submit", ApplicationStatus.SUBMITTED, null, at)
                .with(applicantName, request, snapshot, null, clock, null);
    }

    /** A case officer asks for a correction (补正), once, listing what is missing; the acceptance clock pauses. */
    public LicenceApplication requestCorrection(Actor actor, String reason, Instant at) {
        requireOfficer(actor, Role.CASE_OFFICER);
        requireStatus("request a correction", ApplicationStatus.SUBMITTED);
        var why = requireReason(reason);
        var clock = acceptanceClock == null ? null : acceptanceClock.pause(date(at), why);
        return next(actor, "request-correction", ApplicationStatus.CORRECTION_REQUESTED, why, at)
                .with(applicantName, request, submission, why, clock, decisionClock);
    }

    /** The applicant resubmits after a correction; the acceptance clock resumes. */
    public LicenceApplication resubmit(Actor actor, Submission snapshot, Instant at) {
        requireApplicant(actor);
        requireStatus("resubmit", ApplicationStatus.CORRECTION_REQUESTED);
        var clock = acceptanceClock == null ? null : acceptanceClock.resume(date(at));
        return next(actor, "resubmit", ApplicationStatus.SUBMITTED, null, at)
                .with(applicantName, request, snapshot, null, clock, decisionClock);
    }

    /** A case officer accepts the application (受理); the acceptance clock stops and the decision clock starts. */
    public LicenceApplication accept(Actor actor, TimeLimit decisionLimit, Instant at) {
        requireOfficer(actor, Role.CASE_OFFICER);
        requireStatus("accept", ApplicationStatus.SUBMITTED);
        var today = date(at);
        var stopped = acceptanceClock == null ? null : acceptanceClock.stop(today, "accepted");
        return next(actor, "accept", ApplicationStatus.ACCEPTED, null, at)
                .with(applicantName, request, submission, null, stopped, StatutoryClock.start(today, decisionLimit));
    }

    /** A case officer takes the accepted application into review. */
    public LicenceApplication startReview(Actor actor, Instant at) {
        requireOfficer(actor, Role.CASE_OFFICER);
        requireStatus("start the review", ApplicationStatus.ACCEPTED);
        return next(actor, "start-review", ApplicationStatus.UNDER_REVIEW, null, at)
                .with(applicantName, request, submission, null, acceptanceClock, decisionClock);
    }

    /** A case officer recommends approval or refusal, with a reason. */
    public LicenceApplication recommend(Actor actor, Verdict verdict, String reason, Instant at) {
        requireOfficer(actor, Role.CASE_OFFICER);
        requireStatus("recommend", ApplicationStatus.UNDER_REVIEW);
        var why = requireReason(reason);
        var r = new Recommendation(actor.user(), actor.displayName(), verdict, why, at);
        var moved = next(actor, "recommend-" + verdict.name().toLowerCase(), ApplicationStatus.RECOMMENDED, why, at);
        return new LicenceApplication(
                id,
                version,
                type,
                applicant,
                applicantName,
                createdAt,
                moved.status,
                request,
                submission,
                null,
                acceptanceClock,
                decisionClock,
                r,
                null,
                moved.history);
    }

    /**
     * An approver decides, with a reason. The approver is never the officer who recommended; the decision clock stops.
     */
    public LicenceApplication decide(Actor actor, Verdict verdict, String reason, Instant at) {
        requireOfficer(actor, Role.APPROVER);
        requireStatus("decide", ApplicationStatus.RECOMMENDED);
        if (recommendation != null && recommendation.officer().equals(actor.user())) {
            throw ActionRefused.forbidden(
                    "Four eyes: the approver must not be the officer who recommended this application");
        }
        var why = requireReason(reason);
        var to = verdict == Verdict.APPROVE ? ApplicationStatus.APPROVED : ApplicationStatus.REFUSED;
        var d = new Decision(actor.user(), actor.displayName(), verdict, why, at);
        var clock = decisionClock == null || decisionClock.stopped()
                ? decisionClock
                : decisionClock.stop(date(at), "decided: " + verdict.name().toLowerCase());
        var moved = next(actor, "decide-" + verdict.name().toLowerCase(), to, why, at);
        return new LicenceApplication(
                id,
                version,
                type,
                applicant,
                applicantName,
                createdAt,
                to,
                request,
                submission,
                null,
                acceptanceClock,
                clock,
                recommendation,
                d,
                moved.history);
    }

    /** The applicant withdraws before a decision; running clocks stop. */
    public LicenceApplication withdraw(Actor actor, String reason, Instant at) {
        requireApplicant(actor);
        if (status.closed()) {
            throw ActionRefused.conflict(
                    "The application is already " + status.name().toLowerCase() + " and can no longer be withdrawn");
        }
        var why = requireReason(reason);
        var today = date(at);
        var acceptance = acceptanceClock == null || acceptanceClock.stopped()
                ? acceptanceClock
                : acceptanceClock.paused()
                        ? acceptanceClock.resume(today).stop(today, "withdrawn")
                        : acceptanceClock.stop(today, "withdrawn");
        var decisionTimer = decisionClock == null || decisionClock.stopped()
                ? decisionClock
                : decisionClock.stop(today, "withdrawn");
        return next(actor, "withdraw", ApplicationStatus.WITHDRAWN, why, at)
                .with(applicantName, request, submission, null, acceptance, decisionTimer);
    }

    /** An approver extends the decision period by {@code days}, with a reason. */
    public LicenceApplication extendDecision(Actor actor, int days, String reason, Instant at) {
        requireOfficer(actor, Role.APPROVER);
        requireStatus(
                "extend the decision period",
                ApplicationStatus.ACCEPTED,
                ApplicationStatus.UNDER_REVIEW,
                ApplicationStatus.RECOMMENDED);
        if (days < 1 || days > 365) {
            throw ActionRefused.invalid("days", "must be between 1 and 365");
        }
        var why = requireReason(reason);
        var clock = decisionClock == null ? null : decisionClock.extend(days, why, actor.displayName(), date(at));
        return next(actor, "extend-" + days, status, why, at)
                .with(applicantName, request, submission, correction, acceptanceClock, clock);
    }

    /** This application as saved: the store sets the version it wrote. */
    LicenceApplication saved(long newVersion) {
        return new LicenceApplication(
                id,
                newVersion,
                type,
                applicant,
                applicantName,
                createdAt,
                status,
                request,
                submission,
                correction,
                acceptanceClock,
                decisionClock,
                recommendation,
                decision,
                history);
    }

    /** The date in China of {@code at}. */
    public static LocalDate date(Instant at) {
        return at.atZone(CHINA).toLocalDate();
    }

    private LicenceApplication next(
            Actor actor, String action, ApplicationStatus to, @Nullable String reason, Instant at) {
        var steps = new ArrayList<>(history);
        steps.add(new Step(at, actor.user(), actor.username(), actor.organisation(), action, status, to, reason));
        return new LicenceApplication(
                id,
                version,
                type,
                applicant,
                applicantName,
                createdAt,
                to,
                request,
                submission,
                correction,
                acceptanceClock,
                decisionClock,
                recommendation,
                decision,
                steps);
    }

    private LicenceApplication with(
            String name,
            String body,
            @Nullable Submission snapshot,
            @Nullable String pendingCorrection,
            @Nullable StatutoryClock acceptance,
            @Nullable StatutoryClock decisionTimer) {
        return new LicenceApplication(
                id,
                version,
                type,
                applicant,
                name,
                createdAt,
                status,
                body,
                snapshot,
                pendingCorrection,
                acceptance,
                decisionTimer,
                recommendation,
                decision,
                history);
    }

    private void requireApplicant(Actor actor) {
        if (!actor.has(Role.APPLICANT) || !actor.organisation().equals(applicant)) {
            throw ActionRefused.forbidden("Only an applicant of the applying organisation may do this");
        }
    }

    private void requireOfficer(Actor actor, Role role) {
        if (!actor.has(role)) {
            throw ActionRefused.forbidden("This needs the role " + role.name());
        }
        if (actor.organisation().equals(applicant)) {
            throw ActionRefused.forbidden(
                    "Nobody may act as " + role.name() + " on an application from their own organisation");
        }
    }

    private void requireStatus(String action, ApplicationStatus... allowed) {
        for (var s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw ActionRefused.conflict(
                "Cannot " + action + ": the application is " + status.name().toLowerCase());
    }

    private static String requireReason(@Nullable String reason) {
        var trimmed = reason == null ? "" : reason.strip();
        if (trimmed.isEmpty()) {
            throw ActionRefused.invalid("reason", "is required: say why");
        }
        if (trimmed.length() > MAX_REASON) {
            throw ActionRefused.invalid("reason", "may have at most " + MAX_REASON + " characters");
        }
        return trimmed;
    }

    private static void requireName(String name) {
        if (name.isBlank()) {
            throw ActionRefused.invalid("applicantName", "is required");
        }
        if (name.length() > 500) {
            throw ActionRefused.invalid("applicantName", "may have at most 500 characters");
        }
    }
}
