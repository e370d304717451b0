package org.kaifang.applications;

import java.time.Instant;

/**
 * One version of a document of an application, as kept: what it is, its format as recognised from its content, its
 * size and SHA-256, who uploaded it and when. The content is kept apart, under the id; the file name is the uploader's
 * original, sanitised, shown as text only and never used to store or serve the file.
 *
 * @param kind the document kind, a code of the rule pack ({@code documents.required.*}, {@code documents.conditional})
 * @param version 1 for the first upload of the kind; each correction adds the next
 * @param size the content's length in bytes
 * @param sha256 the content's SHA-256, in lower-case hex
 * @param uploadedBy the uploading user's id
 */
public record ApplicationDocument(
        DocumentId id,
        ApplicationId application,
        String kind,
        int version,
        DocumentFormat format,
        long size,
        String sha256,
        String displayName,
        String uploadedBy,
        String uploadedByName,
        Instant uploadedAt) {

    /** The name a download is offered under: kind, version and extension, never the uploader's text. */
    public String downloadName() {
        return kind.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-v" + version + "." + format.extension();
    }
}
