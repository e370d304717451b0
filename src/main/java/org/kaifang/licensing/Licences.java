package org.kaifang.licensing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.CurrentUser;
import org.kaifang.accounts.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The licensing module's API: records licences issued elsewhere, finds licences and their history.
 *
 * <p>Every change is stored (the licence's new version and a history row) and published as a {@link LicenceChanged}
 * carrying the whole view after the change, synchronously in the storing transaction: listeners (audit, the register)
 * commit or roll back with it.
 */
@Service
public class Licences {

    /** Licences recorded per transaction by {@link #record}. */
    static final int CHUNK = 1000;

    /** The longest holder name, number or free text kept. */
    static final int MAX_TEXT = 500;

    private final LicenceStore store;
    private final NumberCounters counters;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transaction;

    Licences(
            LicenceStore store,
            NumberCounters counters,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.store = store;
        this.counters = counters;
        this.events = events;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Takes over licences issued outside Kaifang (an earlier register, or the synthetic demo register) as they stand,
     * each publishing {@link LicenceChanged} with {@link LicenceChange#RECORDED}. The whole list is checked first
     * (every problem is reported, nothing is stored if there is one); then it is stored {@value #CHUNK} licences per
     * transaction, in batches. A number recorded here also moves Kaifang's own counter past it.
     *
     * @param actor who records them (a user id, or {@code system} for the demo register)
     * @return the recorded licences, in the order given
     * @throws LicenceRefused ({@link LicenceRefused.Kind#INVALID}) naming every problem, among them numbers given twice
     *     or already recorded
     */
    public List<LicenceView> record(List<ExistingLicence> licences, String actor) {
        check(licences);
        var recorded = new ArrayList<LicenceView>(licences.size());
        for (int from = 0; from < licences.size(); from += CHUNK) {
            var chunk = licences.subList(from, Math.min(licences.size(), from + CHUNK));
            var first = from;
            try {
                recorded.addAll(transaction.execute(status -> recordChunk(chunk, actor)));
            } catch (DuplicateKeyException e) {
                // Someone recorded or issued one of these numbers after the check: this chunk is not stored.
                throw new LicenceRefused(
                        LicenceRefused.Kind.CONFLICT,
                        "A licence number in licences[" + first + ".." + (first + chunk.size() - 1)
                                + "] was taken while they were recorded; " + first
                                + " licences before them were recorded",
                        List.of());
            }
        }
        return recorded;
    }

    private List<LicenceView> recordChunk(List<ExistingLicence> chunk, String actor) {
        var at = clock.instant();
        var changes = new ArrayList<LicenceChanged>(chunk.size());
        var highest = new HashMap<String, LicenceNumber>();
        for (var e : chunk) {
            var view = new LicenceView(
                    new LicenceId(UUID.randomUUID().toString()),
                    e.kind(),
                    e.number(),
                    e.holder(),
                    e.holderEn(),
                    e.uscc(),
                    null,
                    e.legalRepresentative(),
                    e.registeredCapitalCny(),
                    e.authority(),
                    e.foreignInvested(),
                    e.pilot(),
                    e.pilotArea(),
                    e.services(),
                    e.issuedOn(),
                    e.validFrom(),
                    e.validUntil(),
                    e.status(),
                    e.conditions(),
                    e.termination(),
                    null,
                    e.synthetic(),
                    e.source(),
                    1);
            changes.add(new LicenceChanged(view, LicenceChange.RECORDED, actor, at, null));
            if (e.number() != null) {
                LicenceNumber.parse(e.number())
                        .ifPresent(n -> highest.merge(
                                n.prefix() + "/" + n.year(), n, (a, b) -> a.sequence() >= b.sequence() ? a : b));
            }
        }
        store.insert(changes);
        for (var n : highest.values()) {
            counters.atLeast(n.prefix(), n.year(), n.sequence());
        }
        changes.forEach(events::publishEvent);
        return changes.stream().map(LicenceChanged::licence).toList();
    }

    private void check(List<ExistingLicence> licences) {
        var problems = new ArrayList<LicenceRefused.Problem>();
        var seen = new HashMap<String, Integer>();
        for (int i = 0; i < licences.size(); i++) {
            var e = licences.get(i);
            var at = "licences[" + i + "].";
            if (e.number() != null) {
                if (e.number().isBlank() || e.number().length() > 64) {
                    problems.add(new LicenceRefused.Problem(at + "number", "must have 1 to 64 characters"));
                } else {
                    var earlier = seen.putIfAbsent(e.number(), i);
                    if (earlier != null) {
                        problems.add(new LicenceRefused.Problem(
                                at + "number", "is " + e.number() + ", given already in licences[" + earlier + "]"));
                    }
                }
            } else if (e.kind() == LicenceKind.LICENCE) {
                problems.add(
                        new LicenceRefused.Problem(at + "number", "a licence (not a pilot approval) has a number"));
            }
            text(problems, at + "holder", e.holder(), true);
            text(problems, at + "holderEn", e.holderEn(), false);
            text(problems, at + "authority", e.authority(), true);
            if (e.uscc() != null && !e.uscc().matches("[0-9A-Z]{18}")) {
                problems.add(new LicenceRefused.Problem(at + "uscc", "must be 18 digits or capital letters"));
            }
            if (e.kind() == LicenceKind.LICENCE && e.services().isEmpty()) {
                problems.add(new LicenceRefused.Problem(at + "services", "a licence covers at least one service"));
            }
            if (e.validFrom().isBefore(e.issuedOn().minusYears(50))) {
                problems.add(new LicenceRefused.Problem(at + "validFrom", "is implausibly early"));
            }
            if (e.validUntil() != null && e.validUntil().isBefore(e.validFrom())) {
                problems.add(new LicenceRefused.Problem(at + "validUntil", "is before validFrom"));
            }
            if (e.status() == LicenceStatus.NORMAL && e.termination() != null) {
                problems.add(new LicenceRefused.Problem(at + "termination", "a licence in force has no termination"));
            }
            if (e.termination() != null && e.termination().status() != e.status()) {
                problems.add(new LicenceRefused.Problem(at + "termination.status", "differs from the status"));
            }
        }
        var taken = store.taken(seen.keySet());
        for (var number : taken) {
            problems.add(new LicenceRefused.Problem(
                    "licences[" + seen.get(number) + "].number", "is " + number + ", recorded already"));
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparing(LicenceRefused.Problem::field));
            throw LicenceRefused.invalid(problems);
        }
    }

    private static void text(
            List<LicenceRefused.Problem> problems, String field, @Nullable String value, boolean required) {
        if (value == null) {
            if (required) {
                problems.add(new LicenceRefused.Problem(field, "is required"));
            }
        } else if (value.isBlank() || value.length() > MAX_TEXT) {
            problems.add(new LicenceRefused.Problem(field, "must have 1 to " + MAX_TEXT + " characters"));
        }
    }

    /** Licences per page of {@link #visibleTo}. */
    public static final int PAGE = 100;

    /**
     * Revokes (撤销), withdraws (吊销), cancels (注销) or declares invalid the licence, by a registrar, with a reason,
     * the legal basis relied on and the date it took effect; publishes the change.
     *
     * @param version the version the registrar saw, or {@code null} not to check
     * @throws LicenceRefused {@code NOT_FOUND} when the user may not see the licence, {@code FORBIDDEN} when they are
     *     no registrar, {@code INVALID} naming the fields at fault, {@code CONFLICT} when the licence cannot end so
     *     now or changed since {@code version}
     */
    public LicenceView end(
            CurrentUser user,
            LicenceId id,
            @Nullable Long version,
            LicenceStatus to,
            @Nullable String reason,
            @Nullable String legalBasis,
            @Nullable LocalDate on) {
        return transaction.execute(status -> {
            var licence = store.lock(id).filter(l -> visibleTo(user, l)).orElseThrow(() -> LicenceRefused.notFound(id));
            if (!user.has(Role.REGISTRAR)) {
                throw LicenceRefused.forbidden("Only a registrar revokes, withdraws, cancels or invalidates licences");
            }
            if (to == LicenceStatus.NORMAL || to == LicenceStatus.EXPIRED) {
                throw LicenceRefused.invalid(
                        "status", "a licence is ended as revoked, withdrawn, cancelled or invalid");
            }
            var problems = Transitions.checkEnding(licence, reason, legalBasis, on, today());
            if (!problems.isEmpty()) {
                throw LicenceRefused.invalid(problems);
            }
            checkVersion(licence, version);
            var next = Transitions.end(licence, new Termination(to, reason.strip(), legalBasis.strip(), on));
            return save(next, Transitions.change(to), user.id().toString(), reason.strip());
        });
    }

    /** Stores the next version of a licence and publishes it, in the caller's transaction. */
    LicenceView save(LicenceView next, LicenceChange change, String actor, @Nullable String reason) {
        var changed = new LicenceChanged(next, change, actor, clock.instant(), reason);
        if (!store.update(changed)) {
            throw LicenceRefused.conflict("The licence changed meanwhile; reload it and try again");
        }
        events.publishEvent(changed);
        return next;
    }

    private static void checkVersion(LicenceView licence, @Nullable Long version) {
        if (version != null && version != licence.version()) {
            throw LicenceRefused.conflict("The licence changed since version " + version + " (it is now at "
                    + licence.version() + "); reload it and try again");
        }
    }

    /** Today in China, where legal dates are counted. */
    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), CHINA);
    }

    /** Legal dates are dates in China. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /**
     * Whether {@code user} may see the licence's page and history: the regulator's staff see every licence, an
     * applicant only its own organisation's.
     */
    public static boolean visibleTo(CurrentUser user, LicenceView licence) {
        if (user.has(Role.CASE_OFFICER)
                || user.has(Role.APPROVER)
                || user.has(Role.REGISTRAR)
                || user.has(Role.ADMIN)) {
            return true;
        }
        return heldBy(user, licence);
    }

    /**
     * Whether {@code user} is an applicant of the licence's holder: its organisation, or, for a licence recorded from
     * an earlier register with no Kaifang organisation, the organisation with the licence's USCC.
     */
    public static boolean heldBy(CurrentUser user, LicenceView licence) {
        if (!user.has(Role.APPLICANT)) {
            return false;
        }
        if (user.organisationId().toString().equals(licence.organisation())) {
            return true;
        }
        var uscc = user.organisation().uscc();
        return licence.organisation() == null
                && licence.uscc() != null
                && uscc != null
                && uscc.value().equals(licence.uscc());
    }

    /**
     * The licences {@code user}'s organisation holds: its own, and those taken over from an earlier register under its
     * USCC with no Kaifang organisation yet. {@link #heldBy} decides for each, so a USCC match never shows another
     * organisation's licence.
     */
    static List<LicenceView> held(LicenceStore store, CurrentUser user) {
        if (!user.has(Role.APPLICANT)) {
            return List.of();
        }
        var own = new java.util.LinkedHashMap<LicenceId, LicenceView>();
        store.ofOrganisation(user.organisationId().toString()).forEach(l -> own.put(l.id(), l));
        var uscc = user.organisation().uscc();
        if (uscc != null) {
            store.ofUscc(uscc.value()).stream().filter(l -> heldBy(user, l)).forEach(l -> own.putIfAbsent(l.id(), l));
        }
        return List.copyOf(own.values());
    }

    /**
     * The licence, if {@code user} may see it.
     *
     * @throws LicenceRefused ({@code NOT_FOUND}) when there is none or the user may not see it
     */
    public LicenceView get(CurrentUser user, LicenceId id) {
        return store.find(id).filter(l -> visibleTo(user, l)).orElseThrow(() -> LicenceRefused.notFound(id));
    }

    /**
     * The licences {@code user} may see, page {@code page} from 0: every licence for the regulator's staff (most
     * recently changed first), the organisation's own for an applicant.
     */
    public List<LicenceView> visibleTo(CurrentUser user, int page) {
        if (user.has(Role.CASE_OFFICER)
                || user.has(Role.APPROVER)
                || user.has(Role.REGISTRAR)
                || user.has(Role.ADMIN)) {
            return store.page(page, PAGE);
        }
        if (user.has(Role.APPLICANT)) {
            if (page != 0) {
                return List.of();
            }
            return held(store, user);
        }
        return List.of();
    }

    /**
     * Up to {@code limit} licences of any status whose ids come after {@code after}, or the first ones when it is
     * {@code null}, in id order: a keyset page on the primary key, so that a caller can walk every licence (a policy
     * what-if over a million holders) with bounded memory and without offsets. Not filtered by any user: callers check
     * who asks, and pick the statuses they need.
     */
    public List<LicenceView> after(@Nullable LicenceId after, int limit) {
        return store.after(after, Math.max(1, Math.min(limit, 5_000)));
    }

    /** The licence with this id. */
    public Optional<LicenceView> find(LicenceId id) {
        return store.find(id);
    }

    /** The licence with this number. */
    public Optional<LicenceView> byNumber(String number) {
        return store.byNumber(number);
    }

    /** The licence issued, or last amended or renewed, on this application. */
    public Optional<LicenceView> ofApplication(String application) {
        return store.ofApplication(application);
    }

    /** Every version of the licence, oldest first, each with the change that made it; empty when there is none. */
    public List<LicenceChanged> history(LicenceId id) {
        return store.history(id);
    }

    /** How many licences there are. */
    public long count() {
        return store.count();
    }
}
