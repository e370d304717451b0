package org.kaifang.screening;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A person, company or organisation on one or more lists, with every name it is listed under and every listing.
 *
 * @param country ISO 3166 code or the source's own spelling, when known
 */
public record ListEntry(
        String id,
        EntryKind kind,
        List<EntryName> names,
        List<Listing> listings,
        @Nullable String country) {

    public ListEntry {
        names = List.copyOf(names);
        listings = List.copyOf(listings);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("Entry " + id + " has no name");
        }
        if (listings.isEmpty()) {
            throw new IllegalArgumentException("Entry " + id + " has no listing");
        }
    }

    /** The primary name: the first one the source gives. */
    public String name() {
        return names.getFirst().text();
    }
}
