package org.kaifang.applications;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Published after a document of an application is stored: which kind and version, its SHA-256, by whom, and the
 * version it replaced in a draft, if any. It carries no content.
 */
public record DocumentAdded(
        ApplicationId application,
        DocumentId document,
        String kind,
        int version,
        String sha256,
        long size,
        String user,
        String username,
        Instant at,
        @Nullable DocumentId replaced) {}
