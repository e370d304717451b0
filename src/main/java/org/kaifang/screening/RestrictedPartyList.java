package org.kaifang.screening;

import java.util.HashMap;
import java.util.List;

/** A versioned body of list data: the built-in compilation or an import. Entry ids are unique within it. */
public record RestrictedPartyList(ListRef ref, List<ListEntry> entries) {

    public RestrictedPartyList {
        entries = List.copyOf(entries);
        var seen = new HashMap<String, ListEntry>();
        for (var entry : entries) {
            if (seen.put(entry.id(), entry) != null) {
                throw new IllegalArgumentException("Duplicate entry id in " + ref.id() + ": " + entry.id());
            }
        }
    }
}
