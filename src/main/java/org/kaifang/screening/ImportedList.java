package org.kaifang.screening;

import java.util.List;

/** List data read from an import, with what the importer noticed but could accept (each naming its row). */
public record ImportedList(RestrictedPartyList list, List<String> warnings) {

    public ImportedList {
        warnings = List.copyOf(warnings);
    }
}
