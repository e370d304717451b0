package org.kaifang.licensing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
