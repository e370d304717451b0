package org.kaifang.applications.web;

import org.kaifang.applications.Documents;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * How a document is served, from the API and the pages alike: as an attachment under a name made from its kind and
 * version, with the content type recognised on upload, never sniffed again by the browser, and never cached by shared
 * caches.
 */
final class DocumentDownloads {

    private DocumentDownloads() {}

    static ResponseEntity<byte[]> response(Documents.Download download) {
        var d = download.document();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.format().mediaType()))
                .contentLength(download.content().length)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(d.downloadName())
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .eTag("\"" + d.sha256() + "\"")
                .body(download.content());
    }
}
