package org.kaifang.screening;

import java.util.List;

/**
 * A list entry whose names met the screened name well enough to show: the best name match, every listing of the entry
 * with its status on the screening date, a bilingual account of both, and the version of the list the entry is on.
 */
public record Hit(
        ListEntry entry, NameMatch match, List<ListingOnDate> listings, Explanation explanation, ListRef list) {

    public Hit {
        listings = List.copyOf(listings);
    }

    public double score() {
        return match.score();
    }

    /** Whether the hit can make a match: at least one listing is active or suspended on the date. */
    public boolean counts() {
        return listings.stream().anyMatch(l -> l.status().counts());
    }
}
