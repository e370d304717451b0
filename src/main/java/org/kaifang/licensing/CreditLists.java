package org.kaifang.licensing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.CurrentUser;
import org.kaifang.accounts.Role;
import org.kaifang.eligibility.CreditRecords;
import org.kaifang.eligibility.CreditStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The telecom bad list and dishonest list (Order 42 art. 37; fields of MIIT's 2018 notice): entries put on by a
 * registrar or by the annual-report sweep, taken off with a reason. Every change publishes a {@link CreditListChanged}
 * in its transaction. The lists feed eligibility as its {@link CreditRecords}: an applicant's USCC on a list on the
 * request's date is on it in the determination, whatever the request says.
 */
@Service
public class CreditLists implements CreditRecords {

    /** The most entries one list page shows. */
    public static final int PAGE = 500;

    private final CreditEntryStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CreditLists(CreditEntryStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Set<CreditStatus> of(String uscc, LocalDate on) {
        var statuses = EnumSet.noneOf(CreditStatus.class);
        for (var e : store.ofUscc(uscc)) {
            if (e.listedOn(on)) {
                statuses.add(e.list() == CreditList.BAD ? CreditStatus.BAD_LIST : CreditStatus.DISHONEST_LIST);
            }
        }
        return statuses;
    }

    @Override
    public List<CreditRecords.Entry> entries(String uscc, LocalDate on) {
        return store.ofUscc(uscc).stream()
                .filter(e -> e.listedOn(on))
                .map(e -> new CreditRecords.Entry(
                        e.list() == CreditList.BAD ? CreditStatus.BAD_LIST : CreditStatus.DISHONEST_LIST,
                        e.listedOn(),
                        e.reason(),
                        e.authority()))
                .toList();
    }

    /** The entries of a list, those in force first. */
    public List<CreditListEntry> entries(CreditList list) {
        return store.of(list, PAGE);
    }

    /** The ids of a list's entries that the annual-report sweep made (art. 38), as opposed to a registrar by hand. */
    public Set<String> automatic(CreditList list) {
        return store.automatic(list);
    }

    /** The entry with this id. */
    public java.util.Optional<CreditListEntry> find(String id) {
        return store.find(id);
    }

    /** Every entry, current and past, for this USCC. */
    public List<CreditListEntry> ofUscc(String uscc) {
        return store.ofUscc(uscc);
    }

    /**
     * A registrar puts an operator on a list by hand.
     *
     * @throws LicenceRefused {@code FORBIDDEN} for anyone but a registrar; {@code INVALID} naming the fields at fault
     */
    @Transactional
    public CreditListEntry add(
            CurrentUser user,
            CreditList list,
            @Nullable String operator,
            @Nullable String uscc,
            @Nullable String licenceNumber,
            @Nullable LocalDate listedOn,
            @Nullable String reason,
            @Nullable String authority) {
        if (!user.has(Role.REGISTRAR)) {
            throw LicenceRefused.forbidden("Only a registrar keeps the credit lists");
        }
        var problems = new ArrayList<LicenceRefused.Problem>();
        required(problems, "operator", operator, 500);
        required(problems, "reason", reason, Transitions.MAX_REASON);
        required(problems, "authority", authority, 200);
        if (uscc != null && !uscc.isBlank() && !uscc.strip().matches("[0-9A-Z]{18}")) {
            problems.add(new LicenceRefused.Problem("uscc", "must be 18 digits or capital letters"));
        }
        if (licenceNumber != null && licenceNumber.length() > 64) {
            problems.add(new LicenceRefused.Problem("licenceNumber", "has more than 64 characters"));
        }
        if (listedOn == null) {
            problems.add(new LicenceRefused.Problem("listedOn", "is required (YYYY-MM-DD)"));
        } else if (listedOn.isAfter(today())) {
            problems.add(new LicenceRefused.Problem("listedOn", "is after today (" + today() + ")"));
        }
        if (!problems.isEmpty()) {
            throw LicenceRefused.invalid(problems);
        }
        var id = UUID.randomUUID().toString();
        var entry = new CreditListEntry(
                id,
                list,
                operator.strip(),
                blankToNull(uscc),
                blankToNull(licenceNumber),
                listedOn,
                reason.strip(),
                authority.strip(),
                null,
                null,
                false);
        put(entry, "MANUAL:" + id);
        return entry;
    }

    /**
     * A registrar takes an entry off its list, with a reason, from {@code on}.
     *
     * @throws LicenceRefused {@code NOT_FOUND}, {@code FORBIDDEN}, {@code INVALID}, or {@code CONFLICT} when already off
     */
    @Transactional
    public CreditListEntry remove(CurrentUser user, String id, @Nullable String reason, @Nullable LocalDate on) {
        if (!user.has(Role.REGISTRAR)) {
            throw LicenceRefused.forbidden("Only a registrar keeps the credit lists");
        }
        var entry = store.find(id)
                .orElseThrow(() -> new LicenceRefused(LicenceRefused.Kind.NOT_FOUND, "No entry " + id, List.of()));
        var problems = new ArrayList<LicenceRefused.Problem>();
        required(problems, "reason", reason, Transitions.MAX_REASON);
        if (on == null) {
            problems.add(new LicenceRefused.Problem("removedOn", "is required (YYYY-MM-DD)"));
        } else if (on.isBefore(entry.listedOn())) {
            problems.add(new LicenceRefused.Problem("removedOn", "is before the entry was listed"));
        }
        if (!problems.isEmpty()) {
            throw LicenceRefused.invalid(problems);
        }
        return takeOff(entry, on, reason.strip())
                .orElseThrow(() -> LicenceRefused.conflict("The entry is off its list already"));
    }

    /** Puts an entry on its list, once per cause; the entry listed for that cause, new or earlier. */
    CreditListEntry put(CreditListEntry entry, String cause) {
        var earlier = store.byCause(cause);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        store.insert(entry, cause, clock.instant());
        events.publishEvent(new CreditListChanged(entry, clock.instant()));
        return entry;
    }

    /** Takes the entry put on for {@code cause} off its list, if it is on. */
    java.util.Optional<CreditListEntry> takeOff(String cause, LocalDate on, String reason) {
        return store.byCause(cause).flatMap(e -> takeOff(e, on, reason));
    }

    private java.util.Optional<CreditListEntry> takeOff(CreditListEntry entry, LocalDate on, String reason) {
        if (entry.removedOn() != null || !store.remove(entry.id(), on, reason, clock.instant())) {
            return java.util.Optional.empty();
        }
        var removed = new CreditListEntry(
                entry.id(),
                entry.list(),
                entry.operator(),
                entry.uscc(),
                entry.licenceNumber(),
                entry.listedOn(),
                entry.reason(),
                entry.authority(),
                on,
                reason,
                entry.synthetic());
        events.publishEvent(new CreditListChanged(removed, clock.instant()));
        return java.util.Optional.of(removed);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), Licences.CHINA);
    }

    private static void required(List<LicenceRefused.Problem> problems, String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new LicenceRefused.Problem(field, "is required"));
        } else if (value.length() > max) {
            problems.add(new LicenceRefused.Problem(field, "has more than " + max + " characters"));
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
