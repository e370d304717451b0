package org.kaifang.audit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.CurrentUser;
import org.kaifang.applications.ApplicationChanged;
import org.kaifang.licensing.CreditListChanged;
import org.kaifang.licensing.LicenceChange;
import org.kaifang.licensing.LicenceChanged;
import org.kaifang.screening.ScreeningReviewed;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the other modules' events into audit records. The listeners are plain, synchronous {@link EventListener}s: they
 * run in the publisher's thread and transaction, so that a change and its record commit together, and a record that
 * cannot be written rolls the change back. Modulith's {@code @ApplicationModuleListener} runs after the commit, in a
 * transaction of its own: without an event publication registry, a crash between the two would lose the record.
 */
@Component
class AuditedChanges {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A reason is kept in a summary up to this length; the module that took it keeps it whole. */
    private static final int MAX_REASON = 500;

    private final AuditTrail trail;
    private final Clock clock;

    AuditedChanges(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @EventListener
    void on(ApplicationChanged e) {
        var before = new LinkedHashMap<String, @Nullable Object>();
        if (e.version() > 1) {
            before.put("status", e.from().name());
            before.put("version", e.version() - 1);
        }
        var after = new LinkedHashMap<String, @Nullable Object>();
        after.put("status", e.to().name());
        after.put("version", e.version());
        after.put("type", e.type().name());
        after.put("applicant", e.applicant());
        putReason(after, e.reason());
        trail.record(new AuditEntry(
                e.at(),
                actor(e.user(), e.username()),
                "applications",
                e.action(),
                new Subject("application", e.application().toString()),
                before.isEmpty() ? null : json(before),
                json(after)));
    }

    @EventListener
    void on(ScreeningReviewed e) {
        var after = new LinkedHashMap<String, @Nullable Object>();
        after.put("status", e.to().name());
        after.put("list", e.list().id() + " " + e.list().version());
        after.put("entry", e.entryId());
        putReason(after, e.reason());
        trail.record(new AuditEntry(
                e.at(),
                actor(null, e.officer()),
                "screening",
                e.action().name(),
                new Subject("screening-alert", e.alert().toString()),
                e.from() == null ? null : json(Map.of("status", e.from().name())),
                json(after)));
    }

    /** A licence was issued, recorded, amended, renewed, expired or ended: its status and version before and after. */
    @EventListener
    void on(LicenceChanged e) {
        var licence = e.licence();
        if (e.change() == LicenceChange.RECORDED
                && licence.synthetic()
                && TransactionSynchronizationManager.isSynchronizationActive()) {
            syntheticRecorded(e);
            return;
        }
        var before = new LinkedHashMap<String, @Nullable Object>();
        if (licence.version() > 1) {
            before.put("version", licence.version() - 1);
        }
        var after = new LinkedHashMap<String, @Nullable Object>();
        after.put("status", licence.status().name());
        after.put("version", licence.version());
        after.put("number", licence.number());
        after.put("holder", Text.clip(licence.holder(), 200));
        after.put(
                "validUntil",
                licence.validUntil() == null ? null : licence.validUntil().toString());
        if (licence.termination() != null) {
            after.put("legalBasis", Text.clip(licence.termination().legalBasis(), 200));
            after.put("on", licence.termination().on().toString());
        }
        putReason(after, e.reason());
        trail.record(new AuditEntry(
                e.at(),
                actorById(e.actor()),
                "licensing",
                e.change().name(),
                new Subject("licence", licence.id().value()),
                before.isEmpty() ? null : json(before),
                json(after)));
    }

    /**
     * Synthetic licences (the demo register) taken over in one transaction get one audit record for all of them,
     * recorded just before the commit, not one each: they are made-up data, not a registrar's act on a real licence,
     * and 12,417 records made the demo server's start-up wait on the chain head. Real take-overs keep a record each.
     */
    private void syntheticRecorded(LicenceChanged e) {
        var batch = (SyntheticBatch) TransactionSynchronizationManager.getResource(SyntheticBatch.class);
        if (batch == null) {
            var created = new SyntheticBatch(e);
            TransactionSynchronizationManager.bindResource(SyntheticBatch.class, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public int getOrder() {
                    // After every other module's before-commit work, which may still record synthetic licences.
                    return Ordered.LOWEST_PRECEDENCE - 1;
                }

                @Override
                public void beforeCommit(boolean readOnly) {
                    var after = new LinkedHashMap<String, @Nullable Object>();
                    after.put("synthetic", true);
                    after.put("licences", created.count);
                    after.put("first", created.first.licence().id().value());
                    after.put("last", created.last.licence().id().value());
                    putReason(after, created.first.reason());
                    // Pending like every other record: appending here would hold the chain head until the commit.
                    trail.record(new AuditEntry(
                            created.first.at(),
                            actorById(created.first.actor()),
                            "licensing",
                            "RECORDED_SYNTHETIC",
                            new Subject("licences", created.first.licence().id().value()),
                            null,
                            json(after)));
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(SyntheticBatch.class);
                }
            });
            batch = created;
        }
        batch.add(e);
    }

    /** The synthetic licences recorded in the current transaction. */
    private static final class SyntheticBatch {
        final LicenceChanged first;
        LicenceChanged last;
        int count;

        SyntheticBatch(LicenceChanged first) {
            this.first = first;
            this.last = first;
        }

        void add(LicenceChanged e) {
            last = e;
            count++;
        }
    }

    /** An entry was put on a credit list or taken off it. */
    @EventListener
    void on(CreditListChanged e) {
        var entry = e.entry();
        var after = new LinkedHashMap<String, @Nullable Object>();
        after.put("list", entry.list().name());
        after.put("operator", Text.clip(entry.operator(), 200));
        after.put("uscc", entry.uscc());
        after.put("licenceNumber", entry.licenceNumber());
        after.put("listedOn", entry.listedOn().toString());
        after.put("authority", Text.clip(entry.authority(), 200));
        if (entry.removedOn() != null) {
            after.put("removedOn", entry.removedOn().toString());
        }
        putReason(after, entry.removedOn() == null ? entry.reason() : entry.removalReason());
        trail.record(new AuditEntry(
                e.at(),
                actorById("system"),
                "licensing",
                entry.removedOn() == null ? "CREDIT_LISTED" : "CREDIT_REMOVED",
                new Subject("credit-entry", entry.id()),
                null,
                json(after)));
    }

    /**
     * A user signed in with the form. Not every successful authentication: the JSON API authenticates each request
     * (HTTP Basic), and a record per API call would bury the sign-ins and queue every call for the chain head.
     */
    @EventListener
    void on(InteractiveAuthenticationSuccessEvent e) {
        var user = CurrentUser.from(e.getAuthentication());
        var actor = user.map(u -> new AuditActor(
                        u.id().toString(),
                        u.username().toString(),
                        u.organisationId().toString()))
                .orElseGet(() -> new AuditActor(null, e.getAuthentication().getName(), null));
        trail.record(new AuditEntry(clock.instant(), actor, "accounts", "SIGNED_IN", userSubject(actor), null, null));
    }

    /** The actor and subject of a failed sign-in that carried no username. */
    static final String UNNAMED = "(no username)";

    /** A failed authentication, with the form or the API: evidence of guessing is worth its records. */
    @EventListener
    void on(AbstractAuthenticationFailureEvent e) {
        // A refused OpenID Connect sign-in names nobody: its token holds an authorisation code, not a username.
        var name = e.getAuthentication().getName();
        var actor = new AuditActor(null, name == null || name.isBlank() ? UNNAMED : name, null);
        var reason = switch (e.getException()) {
            case BadCredentialsException x -> "bad-credentials";
            case DisabledException x -> "disabled";
            case LockedException x -> "locked";
            default -> e.getException().getClass().getSimpleName();
        };
        trail.record(new AuditEntry(
                clock.instant(),
                actor,
                "accounts",
                "SIGN_IN_FAILED",
                userSubject(actor),
                null,
                json(Map.of("reason", reason))));
    }

    @EventListener
    void on(LogoutSuccessEvent e) {
        var user = CurrentUser.from(e.getAuthentication());
        var actor = user.map(u -> new AuditActor(
                        u.id().toString(),
                        u.username().toString(),
                        u.organisationId().toString()))
                .orElseGet(() -> new AuditActor(null, e.getAuthentication().getName(), null));
        trail.record(new AuditEntry(clock.instant(), actor, "accounts", "SIGNED_OUT", userSubject(actor), null, null));
    }

    /**
     * The actor of an event that names only the user. When the event comes from the signed-in user's own request, the
     * session also says which organisation they acted for.
     */
    private static AuditActor actor(@Nullable String id, String username) {
        var signedIn =
                CurrentUser.from(current()).filter(u -> u.username().toString().equals(username));
        return signedIn.map(u -> new AuditActor(
                        u.id().toString(), username, u.organisationId().toString()))
                .orElseGet(() -> new AuditActor(id, username, null));
    }

    /**
     * The actor of an event that names only the user's id ({@code system} for scheduled work). When the event comes
     * from that user's own request, the session gives their name and organisation.
     */
    private static AuditActor actorById(String id) {
        var signedIn = CurrentUser.from(current()).filter(u -> u.id().toString().equals(id));
        return signedIn.map(u -> new AuditActor(
                        id, u.username().toString(), u.organisationId().toString()))
                .orElseGet(() -> new AuditActor(id.equals("system") ? null : id, id, null));
    }

    private static @Nullable Authentication current() {
        return SecurityContextHolder.getContext().getAuthentication();
    }

    private static Subject userSubject(AuditActor actor) {
        return new Subject("user", actor.name());
    }

    private static void putReason(Map<String, @Nullable Object> summary, @Nullable String reason) {
        if (reason != null) {
            summary.put("reason", Text.clip(reason, MAX_REASON));
        }
    }

    private static String json(Map<String, ? extends @Nullable Object> summary) {
        return JSON.writeValueAsString(summary);
    }
}
