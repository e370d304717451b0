package org.kaifang.audit.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.kaifang.audit.AuditRecord;
import org.kaifang.audit.AuditTrail;
import org.kaifang.audit.Verification;

/**
 * What the audit page shows: one page of records, the subject filter, and the chain's verification.
 *
 * @param subject the subject id filtered on; empty for every record
 * @param page from 0, newest first
 * @param total records matching the filter
 */
public record AuditView(String subject, int page, long total, List<AuditRecord> records, Verification verification) {

    public int pages() {
        return (int) Math.max(1, (total + AuditTrail.PAGE - 1) / AuditTrail.PAGE);
    }

    public boolean hasNewer() {
        return page > 0;
    }

    public boolean hasOlder() {
        return page + 1 < pages();
    }

    /** The link to page {@code number} with the same filter. */
    public String link(int number) {
        var query = subject.isEmpty() ? "" : "subject=" + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "&";
        return AuditPages.PATH + "?" + query + "page=" + number;
    }

    /** The link to the records about {@code subjectId}. */
    public static String subjectLink(String subjectId) {
        return AuditPages.PATH + "?subject=" + URLEncoder.encode(subjectId, StandardCharsets.UTF_8);
    }

    /** The first characters of a hash, enough to tell records apart on screen. */
    public static String shortHash(String hash) {
        return hash.length() <= 12 ? hash : hash.substring(0, 12) + "…";
    }
}
