package org.kaifang.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One entry's place on a list through one announcement. Suspensions and the delisting of the announcement apply to
 * every entry it named; an entry may also be suspended or delisted on its own.
 */
public record Listing(
        Announcement announcement,
        List<SuspensionWindow> suspensions,
        @Nullable Delisting ended) {

    public Listing {
        suspensions = List.copyOf(suspensions);
    }

    /** A listing that follows its announcement in everything. */
    public static Listing under(Announcement announcement) {
        return new Listing(announcement, List.of(), null);
    }

    public RestrictedList list() {
        return announcement.list();
    }

    public LocalDate date() {
        return announcement.date();
    }

    public Set<Measure> measures() {
        return announcement.measures();
    }

    /** The status on {@code asOf}: not yet, ended, suspended or active, in that order of precedence. */
    public ListingStatus statusOn(LocalDate asOf) {
        if (asOf.isBefore(announcement.date())) {
            return ListingStatus.NOT_YET;
        }
        var end = endedBy();
        if (end != null && !asOf.isBefore(end.date())) {
            return ListingStatus.ENDED;
        }
        return suspensionOn(asOf).isPresent() ? ListingStatus.SUSPENDED : ListingStatus.ACTIVE;
    }

    /** The suspension window covering {@code asOf}, if any. */
    public Optional<SuspensionWindow> suspensionOn(LocalDate asOf) {
        return allSuspensions().stream().filter(w -> w.covers(asOf)).findFirst();
    }

    /** The earlier of the entry's own delisting and its announcement's. */
    public @Nullable Delisting endedBy() {
        var own = ended;
        var common = announcement.ended();
        if (own == null) {
            return common;
        }
        if (common == null) {
            return own;
        }
        return own.date().isAfter(common.date()) ? common : own;
    }

    List<SuspensionWindow> allSuspensions() {
        if (suspensions.isEmpty()) {
            return announcement.suspensions();
        }
        var all = new ArrayList<>(announcement.suspensions());
        all.addAll(suspensions);
        return all;
    }
}
