package org.kaifang.screening;

/** What importing a file did: stored a new version, or found the same bytes already stored for the list. */
public sealed interface ListImport {

    ListVersion version();

    /** A new version, now the list's current one. */
    record Added(ListVersion version) implements ListImport {}

    /** The same bytes were imported before as {@code version}; that version is now the list's current one again. */
    record Unchanged(ListVersion version) implements ListImport {}
}
