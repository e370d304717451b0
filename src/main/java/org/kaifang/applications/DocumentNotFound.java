package org.kaifang.applications;

/** No such document of an application the actor may see. */
public final class DocumentNotFound extends RuntimeException {

    public DocumentNotFound(DocumentId id) {
        super("No document " + id);
    }
}
