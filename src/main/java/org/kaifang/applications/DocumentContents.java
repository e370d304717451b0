package org.kaifang.applications;

/**
 * Where document contents are kept, by document id: in the database ({@link DatabaseContents}, the default) or in a
 * directory ({@link DirectoryContents}), as {@code kaifang.documents.storage} says. The metadata is always in the
 * database. Writes and deletes take part in the caller's transaction as far as the store can.
 */
interface DocumentContents {

    void write(DocumentId id, byte[] content);

    /** @throws IllegalStateException when there is no content for {@code id}: the store lost it */
    byte[] read(DocumentId id);

    void delete(DocumentId id);
}
