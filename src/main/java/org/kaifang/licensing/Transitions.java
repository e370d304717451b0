package org.kaifang.licensing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The changes a licence may go through, each checking that it is allowed from the licence's current state and
 * returning the next version. The view itself is a plain public record; the rules live here, in one place.
 */
final class Transitions {

    /** The longest reason or legal basis kept. */
    static final int MAX_REASON = 2000;

    static final int MAX_BASIS = 500;

    private Transitions() {}

    /** What ending a licence in {@code status} is recorded as. */
    static LicenceChange change(LicenceStatus status) {
        return switch (status) {
            case REVOKED -> LicenceChange.REVOKED;
            case WITHDRAWN -> LicenceChange.WITHDRAWN;
            case CANCELLED -> LicenceChange.CANCELLED;
            case INVALID -> LicenceChange.INVALIDATED;
            case EXPIRED -> LicenceChange.EXPIRED;
            case NORMAL -> throw new IllegalArgumentException("NORMAL does not end a licence");
        };
    }

    /**
     * Checks a revocation, withdrawal, cancellation or invalidation by hand: a reason, a legal basis and a date that is
     * neither in the future nor before the licence was issued.
     */
    static List<LicenceRefused.Problem> checkEnding(
            LicenceView licence,
            @Nullable String reason,
            @Nullable String legalBasis,
            @Nullable LocalDate on,
            LocalDate today) {
        var problems = new ArrayList<LicenceRefused.Problem>();
        if (reason == null || reason.isBlank()) {
            problems.add(new LicenceRefused.Problem("reason", "is required"));
        } else if (reason.length() > MAX_REASON) {
            problems.add(new LicenceRefused.Problem("reason", "has more than " + MAX_REASON + " characters"));
        }
        if (legalBasis == null || legalBasis.isBlank()) {
            problems.add(new LicenceRefused.Problem(
                    "legalBasis", "is required: the provision relied on, e.g. 电信业务经营许可管理办法 第XX条"));
        } else if (legalBasis.length() > MAX_BASIS) {
            problems.add(new LicenceRefused.Problem("legalBasis", "has more than " + MAX_BASIS + " characters"));
        }
        if (on == null) {
            problems.add(new LicenceRefused.Problem("date", "is required (YYYY-MM-DD)"));
        } else if (on.isAfter(today)) {
            problems.add(new LicenceRefused.Problem("date", "is after today (" + today + ")"));
        } else if (on.isBefore(licence.issuedOn())) {
            problems.add(new LicenceRefused.Problem(
                    "date", "is before the licence was issued (" + licence.issuedOn() + ")"));
        }
        return problems;
    }

    /**
     * The licence ended in {@code status}: revoked, withdrawn, cancelled or declared invalid, from {@code NORMAL}; an
     * expired licence can still be cancelled or declared invalid.
     *
     * @throws LicenceRefused ({@code CONFLICT}) when the licence is not in a state it can end from
     */
    static LicenceView end(LicenceView licence, Termination termination) {
        var to = termination.status();
        var allowed = licence.status() == LicenceStatus.NORMAL
                || (licence.status() == LicenceStatus.EXPIRED
                        && (to == LicenceStatus.CANCELLED || to == LicenceStatus.INVALID));
        if (!allowed || to == LicenceStatus.NORMAL) {
            throw LicenceRefused.conflict("The licence is " + licence.status().en() + " ("
                    + licence.status().zh() + "); it cannot be " + to.en() + " now");
        }
        return with(licence, to, termination);
    }

    private static LicenceView with(LicenceView l, LicenceStatus status, @Nullable Termination termination) {
        return new LicenceView(
                l.id(),
                l.kind(),
                l.number(),
                l.holder(),
                l.holderEn(),
                l.uscc(),
                l.organisation(),
                l.legalRepresentative(),
                l.registeredCapitalCny(),
                l.authority(),
                l.foreignInvested(),
                l.pilot(),
                l.pilotArea(),
                l.services(),
                l.issuedOn(),
                l.validFrom(),
                l.validUntil(),
                status,
                l.conditions(),
                termination,
                l.application(),
                l.synthetic(),
                l.source(),
                l.version() + 1,
                l.shareholders());
    }

    /**
     * The licence reached the end of its validity without renewal: it lapses (Order 42 art. 27: not renewed in time,
     * it is cancelled) and shows as expired, with the day after its last valid day as the date.
     */
    static LicenceView expire(LicenceView licence) {
        if (licence.status() != LicenceStatus.NORMAL || licence.validUntil() == null) {
            throw LicenceRefused.conflict("Only a licence in force with an end date expires");
        }
        return with(
                licence,
                LicenceStatus.EXPIRED,
                new Termination(
                        LicenceStatus.EXPIRED,
                        "有效期届满未续期 / validity ended without renewal",
                        "电信业务经营许可管理办法 第二十七条 / Order 42 art. 27",
                        licence.validUntil().plusDays(1)));
    }
}
