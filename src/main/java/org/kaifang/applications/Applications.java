package org.kaifang.applications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.Role;
import org.kaifang.calendar.CalendarStore;
import org.kaifang.calendar.ClockUnit;
import org.kaifang.calendar.TimeLimit;
import org.kaifang.eligibility.EligibilityCheck;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The applications module's API: creates applications and carries out their transitions for an {@link Actor}, each
 * in one transaction that loads the application, checks the version the caller saw, lets the aggregate decide, saves
 * and publishes an {@link ApplicationChanged}. An application the actor may not see is reported as not found.
 */
@Service
public class Applications {

    /** The most applications one list returns. */
    public static final int PAGE = 200;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApplicationStore store;
    private final EligibilityCheck eligibility;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CalendarStore calendars;

    Applications(
            ApplicationStore store,
            EligibilityCheck eligibility,
            ApplicationEventPublisher events,
            Clock clock,
            CalendarStore calendars) {
        this.store = store;
        this.calendars = calendars;
        this.eligibility = eligibility;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A new draft. With an idempotency key, a retry of the same request returns the application first created; the
     * same key with a different request is refused.
     */
    @Transactional
    public LicenceApplication create(
            Actor actor, ApplicationType type, String applicantName, String request, @Nullable String idempotencyKey) {
        var digest = digest(type.name() + "\n" + applicantName + "\n" + request);
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
                throw ActionRefused.invalid("Idempotency-Key", "must have 1 to 200 characters");
            }
            var earlier = store.created(actor.organisation(), idempotencyKey);
            if (earlier.isPresent()) {
                if (!earlier.get().digest().equals(digest)) {
                    throw ActionRefused.conflict(
                            "This Idempotency-Key was used for a different request; use a new key");
                }
                return store.find(earlier.get().application()).orElseThrow();
            }
        }
        var now = clock.instant();
        var draft = LicenceApplication.draft(ApplicationId.random(), type, actor, applicantName, request, now);
        var saved = store.insert(draft, now);
        if (idempotencyKey != null) {
            store.remember(actor.organisation(), idempotencyKey, saved.id(), digest, now);
        }
        publish(saved);
        return saved;
    }

    /**
     * The application, if {@code actor} may see it.
     *
     * @throws ApplicationNotFound when there is none, or the actor may not see it
     */
    public LicenceApplication get(Actor actor, ApplicationId id) {
        return store.find(id).filter(a -> a.visibleTo(actor)).orElseThrow(() -> new ApplicationNotFound(id));
    }

    /**
     * Up to {@code limit} pending applications (submitted and not yet decided or withdrawn) whose ids come after
     * {@code after}, or the first ones when it is {@code null}, in id order: a keyset page for walking them all with
     * bounded memory (a policy what-if). Not filtered by any actor: callers check who asks.
     */
    public List<LicenceApplication> pendingAfter(@Nullable ApplicationId after, int limit) {
        return store.pendingAfter(after, Math.max(1, Math.min(limit, 5_000)));
    }

    /** The actor's organisation's applications, most recently changed first. */
    public List<LicenceApplication> mine(Actor actor) {
        if (!actor.has(Role.APPLICANT)) {
            return List.of();
        }
        return store.ofApplicant(actor.organisation(), PAGE);
    }

    /** The regulator's work queue: open applications, those due soonest first. Empty for anyone but its staff. */
    public List<QueueRow> queue(Actor actor, List<ApplicationStatus> statuses) {
        return queue(actor, statuses, DueFilter.ANY);
    }

    /** The work queue, narrowed to the overdue applications or to those due soon. */
    public List<QueueRow> queue(Actor actor, List<ApplicationStatus> statuses, DueFilter due) {
        if (!staff(actor)) {
            return List.of();
        }
        var today = LicenceApplication.date(clock.instant());
        var wanted = statuses.isEmpty() ? OPEN : statuses;
        return switch (due) {
            case ANY -> store.queue(wanted, actor.organisation(), PAGE, null, null);
            case OVERDUE -> store.queue(wanted, actor.organisation(), PAGE, null, today.minusDays(1));
            case SOON -> store.queue(wanted, actor.organisation(), PAGE, today, soonUntil(today));
        };
    }

    /** The deadline dashboard of the open queue; empty for anyone but the regulator's staff. */
    public java.util.Optional<DueSummary> dueSummary(Actor actor) {
        if (!staff(actor)) {
            return java.util.Optional.empty();
        }
        var today = LicenceApplication.date(clock.instant());
        var soon = soonUntil(today);
        var overdue = store.count(OPEN, actor.organisation(), null, today.minusDays(1));
        var dueSoon = store.count(OPEN, actor.organisation(), today, soon);
        return java.util.Optional.of(new DueSummary(today, soon, overdue, dueSoon));
    }

    private static boolean staff(Actor actor) {
        return actor.has(Role.CASE_OFFICER) || actor.has(Role.APPROVER) || actor.has(Role.ADMIN);
    }

    /** Five working days ahead; seven calendar days where the calendar does not yet cover the dates. */
    private LocalDate soonUntil(LocalDate today) {
        try {
            return calendars.calendar().due(today, DUE_SOON_WORKING_DAYS, ClockUnit.WORKING);
        } catch (org.kaifang.calendar.YearNotCovered e) {
            return today.plusDays(7);
        }
    }

    /** How far ahead "due soon" looks, in working days: an acceptance decision's whole time limit. */
    static final int DUE_SOON_WORKING_DAYS = 5;

    static final List<ApplicationStatus> OPEN = List.of(
            ApplicationStatus.SUBMITTED,
            ApplicationStatus.CORRECTION_REQUESTED,
            ApplicationStatus.ACCEPTED,
            ApplicationStatus.UNDER_REVIEW,
            ApplicationStatus.RECOMMENDED);

    @Transactional
    public LicenceApplication revise(
            Actor actor, ApplicationId id, long version, String applicantName, String request) {
        return change(actor, id, version, a -> a.revise(actor, applicantName, request, clock.instant()));
    }

    /** Submits: the request is judged (eligibility and screening) and the stored determination is snapshotted. */
    @Transactional
    public LicenceApplication submit(Actor actor, ApplicationId id, long version) {
        return change(actor, id, version, a -> {
            var now = clock.instant();
            var limit = limit("time-limit.acceptance", LicenceApplication.date(now));
            return a.submit(actor, snapshot(a), limit, now);
        });
    }

    @Transactional
    public LicenceApplication requestCorrection(Actor actor, ApplicationId id, long version, String reason) {
        return change(actor, id, version, a -> a.requestCorrection(actor, reason, clock.instant()));
    }

    @Transactional
    public LicenceApplication resubmit(Actor actor, ApplicationId id, long version) {
        return change(actor, id, version, a -> a.resubmit(actor, snapshot(a), clock.instant()));
    }

    @Transactional
    public LicenceApplication accept(Actor actor, ApplicationId id, long version) {
        return change(actor, id, version, a -> {
            var now = clock.instant();
            return a.accept(actor, limit("time-limit.decision", LicenceApplication.date(now)), now);
        });
    }

    @Transactional
    public LicenceApplication startReview(Actor actor, ApplicationId id, long version) {
        return change(actor, id, version, a -> a.startReview(actor, clock.instant()));
    }

    @Transactional
    public LicenceApplication recommend(Actor actor, ApplicationId id, long version, Verdict verdict, String reason) {
        return change(actor, id, version, a -> a.recommend(actor, verdict, reason, clock.instant()));
    }

    @Transactional
    public LicenceApplication decide(Actor actor, ApplicationId id, long version, Verdict verdict, String reason) {
        return change(actor, id, version, a -> a.decide(actor, verdict, reason, clock.instant()));
    }

    @Transactional
    public LicenceApplication withdraw(Actor actor, ApplicationId id, long version, String reason) {
        return change(actor, id, version, a -> a.withdraw(actor, reason, clock.instant()));
    }

    @Transactional
    public LicenceApplication extendDecision(Actor actor, ApplicationId id, long version, int days, String reason) {
        return change(actor, id, version, a -> a.extendDecision(actor, days, reason, clock.instant()));
    }

    /**
     * The application's request judged again as of {@code asOf}, compared with the determination made on submission
     * (or, for a draft, with the request judged as of its own date). The new determination is stored like any other.
     */
    public Rerun rerun(Actor actor, ApplicationId id, LocalDate asOf) {
        var a = get(actor, id);
        if (!(actor.has(Role.CASE_OFFICER) || actor.has(Role.APPROVER) || actor.has(Role.ADMIN))
                || actor.organisation().equals(a.applicant())) {
            throw ActionRefused.forbidden("Only the regulator's officers re-run determinations");
        }
        var request = (tools.jackson.databind.node.ObjectNode) JSON.readTree(a.request());
        String beforeJson;
        if (a.submission() != null) {
            beforeJson = eligibility
                    .find(java.util.UUID.fromString(a.submission().determination()))
                    .orElseThrow()
                    .json();
        } else {
            beforeJson = eligibility.determine(a.request()).json();
        }
        request.put("asOf", asOf.toString());
        var after = eligibility.determine(JSON.writeValueAsString(request));
        var diff = DeterminationDiff.between(JSON.readTree(beforeJson), JSON.readTree(after.json()));
        return new Rerun(a, after.id().toString(), diff);
    }

    /** A re-run: the application, the new determination's id, and what changed. */
    public record Rerun(LicenceApplication application, String determination, DeterminationDiff diff) {}

    /** Loads, checks the version the caller saw, applies {@code transition}, saves and publishes; for {@link Drafts} too. */
    LicenceApplication change(
            Actor actor, ApplicationId id, long version, UnaryOperator<LicenceApplication> transition) {
        var current = get(actor, id);
        if (current.version() != version) {
            throw ActionRefused.conflict("The application changed since version " + version + " (it is now at "
                    + current.version() + "); reload it and try again");
        }
        var next = transition.apply(current);
        var saved = store.update(next, clock.instant());
        publish(saved);
        return saved;
    }

    private void publish(LicenceApplication after) {
        var step = after.history().getLast();
        events.publishEvent(new ApplicationChanged(
                after.id(),
                after.version(),
                after.type(),
                after.applicant(),
                step.action(),
                step.from(),
                after.status(),
                step.user(),
                step.username(),
                step.at(),
                step.reason(),
                due(after.acceptanceClock()),
                due(after.decisionClock())));
    }

    private @Nullable LocalDate due(org.kaifang.calendar.@Nullable StatutoryClock clock) {
        if (clock == null) {
            return null;
        }
        try {
            return clock.due(calendars.calendar()).orElse(null);
        } catch (org.kaifang.calendar.YearNotCovered e) {
            return null;
        }
    }

    LicenceApplication.Submission snapshot(LicenceApplication a) {
        var stored = eligibility.determine(a.request());
        var body = JSON.readTree(stored.json());
        return new LicenceApplication.Submission(
                stored.createdAt(),
                stored.id().toString(),
                body.get("overall").asString(),
                body.at("/rulePack/id").asString() + " "
                        + body.at("/rulePack/version").asString());
    }

    TimeLimit limit(String parameter, LocalDate on) {
        Map<String, Object> value =
                eligibility.pack().parameter(parameter).require(on).map();
        var days = ((Number) value.get("days")).intValue();
        var unit = ClockUnit.valueOf(String.valueOf(value.getOrDefault("unit", "WORKING")));
        return new TimeLimit(days, unit);
    }

    private static String digest(String text) {
        try {
            var sha = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(sha);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The content of an approved application, for issuing what it asked for; read in the caller's transaction, so a
     * listener of the approval's {@link ApplicationChanged} sees it.
     *
     * @throws ApplicationNotFound when there is no such application
     * @throws ActionRefused ({@code CONFLICT}) when it is not approved
     */
    public ApprovedApplication approved(ApplicationId id) {
        var a = store.find(id).orElseThrow(() -> new ApplicationNotFound(id));
        var decision = a.decision();
        if (a.status() != ApplicationStatus.APPROVED || decision == null) {
            throw ActionRefused.conflict("Application " + id + " is not approved");
        }
        return new ApprovedApplication(
                a.id(),
                a.type(),
                a.applicant(),
                a.applicantName(),
                a.request(),
                LicenceApplication.date(decision.at()),
                decision.at(),
                decision.approver(),
                decision.approverName(),
                LicenceApplication.date(
                        a.submission() == null ? decision.at() : a.submission().at()));
    }
}
