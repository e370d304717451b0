package org.kaifang.applications.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.kaifang.applications.ApplicationDocument;
import org.kaifang.applications.DocumentChecklist;
import org.kaifang.applications.LicenceApplication;
import org.kaifang.rules.Bilingual;

/**
 * The documents section of the case page: the rule pack's list with what is present and missing, every version kept,
 * and the upload form when the signed-in user may add a document.
 *
 * @param uploaded the kind just uploaded, to confirm it
 * @param error the reason the last upload was refused ({@code DocumentRefused.Reason}, {@code CLOSED} or
 *     {@code NO_FILE}), to explain it
 */
public record DocumentsView(
        DocumentChecklist checklist,
        @Nullable String uploaded,
        @Nullable String error) {

    /** Where the section starts; uploads return here. */
    public static final String ANCHOR = "documents";

    private static final DateTimeFormatter BEIJING =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(LicenceApplication.CHINA);

    private static final java.util.Set<String> ERRORS =
            java.util.Set.of("EMPTY", "TOO_LARGE", "NOT_ALLOWED", "DISGUISED", "UNKNOWN_KIND", "CLOSED", "NO_FILE");

    /** The message key explaining the last refusal; {@code null} when there is none, or it is not one we sent. */
    public @Nullable String errorKey() {
        return error != null && ERRORS.contains(error) ? "documents.error." + error : null;
    }

    /** The entry of the kind just uploaded; {@code null} when none was, or it is not one of the list. */
    public DocumentChecklist.@Nullable Entry uploadedEntry() {
        return checklist.entries().stream()
                .filter(e -> e.kind().equals(uploaded))
                .findFirst()
                .orElse(null);
    }

    public String action() {
        return "/applications/" + checklist.application() + "/documents";
    }

    public String href(ApplicationDocument d) {
        return action() + "/" + d.id();
    }

    public String name(Bilingual name, boolean zh) {
        return zh ? name.zh() : name.en();
    }

    public String time(Instant at) {
        return BEIJING.format(at);
    }

    /** A size as people read it: bytes, KB or MB. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    public String maxSize() {
        return size(checklist.maxBytes());
    }

    /** The first 12 hex digits of a SHA-256, enough to compare by eye; the full one is in the title. */
    public static String shortHash(String sha256) {
        return sha256.substring(0, Math.min(12, sha256.length()));
    }
}
