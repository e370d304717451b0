package org.kaifang.screening;

import java.time.Instant;
import java.util.List;

/**
 * One stored import of a list: which list, version and digest ({@link #ref()}), the format and the (sanitised) name of
 * the file it came from, how many entries it holds, what the importer warned about, when it was imported, and since
 * when it has been the list's current version.
 *
 * @param warnings the importer's warnings, at most {@link ListImports#WARNINGS_KEPT}
 * @param warningCount how many warnings there were in all
 */
public record ListVersion(
        ListRef ref,
        ListFormat format,
        String fileName,
        int entries,
        List<String> warnings,
        int warningCount,
        Instant importedAt,
        Instant currentSince) {

    public ListVersion {
        warnings = List.copyOf(warnings);
    }
}
