package org.kaifang.screening.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kaifang.screening.Announcement;
import org.kaifang.screening.ListEntry;
import org.kaifang.screening.ListRef;
import org.kaifang.screening.Listing;
import org.kaifang.screening.ListingStatus;

/** What {@code /screening/lists} shows: every announcement, newest first, with its entries and its status over time. */
public record ListsView(ListRef list, LocalDate asOf, List<AnnouncementView> announcements) {

    /**
     * One announcement: who it named, its status on the chosen date, and the events that changed its status.
     *
     * @param status the status of the announcement's own listing on the date (entries may differ by their own events)
     */
    public record AnnouncementView(
            Announcement announcement, List<ListEntry> entries, ListingStatus status, List<Event> timeline) {

        static AnnouncementView of(Announcement a, List<ListEntry> entries, LocalDate asOf) {
            var listing = Listing.under(a);
            var events = new ArrayList<Event>();
            events.add(new Event(
                    a.date(),
                    Event.Kind.LISTED,
                    a.source().description(),
                    a.source().confidence().name()));
            for (var w : a.suspensions()) {
                events.add(new Event(
                        w.from(),
                        Event.Kind.SUSPENDED,
                        w.source().description(),
                        w.source().confidence().name()));
                // A window that ends where the next begins (a further 90 days) is one continued suspension.
                if (w.until() != null
                        && a.suspensions().stream().noneMatch(o -> o.from().equals(w.until()))) {
                    events.add(new Event(
                            w.until(),
                            Event.Kind.RESUMED,
                            w.source().description(),
                            w.source().confidence().name()));
                }
            }
            if (a.ended() != null) {
                events.add(new Event(
                        a.ended().date(),
                        Event.Kind.ENDED,
                        a.ended().source().description(),
                        a.ended().source().confidence().name()));
            }
            events.sort(Comparator.comparing(Event::date));
            var sorted = entries.stream()
                    .sorted(Comparator.comparing(ListEntry::name))
                    .toList();
            return new AnnouncementView(a, sorted, listing.statusOn(asOf), events);
        }
    }

    /** A change in an announcement's status on a date, with its source and the source's confidence. */
    public record Event(LocalDate date, Kind kind, String source, String confidence) {

        public enum Kind {
            LISTED,
            SUSPENDED,
            RESUMED,
            ENDED
        }
    }
}
