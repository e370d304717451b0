package org.kaifang.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The canonical form of a record and its hash. The form is a version line, then one line per field in a fixed order:
 * {@code name:LENGTH:value}, where LENGTH is the value's length in UTF-8 bytes, or {@code name:-} for a missing value.
 * The length makes the form unambiguous whatever the values contain (colons, newlines). Anyone can recompute a hash from
 * the table with a few lines of any language; docs/audit.md gives an example.
 */
final class ChainHash {

    /** The previous hash of the first record. */
    static final String GENESIS = "0".repeat(64);

    static final String VERSION = "kaifang-audit-v1";

    /** The first line of an entry's own form, hashed while it waits for its place in the chain. */
    static final String ENTRY_VERSION = "kaifang-audit-entry-v1";

    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private ChainHash() {}

    static String canonical(AuditRecord r) {
        var form = new StringBuilder(VERSION).append('\n');
        field(form, "sequence", Long.toString(r.sequence()));
        field(form, "at", MICROS.format(r.at()));
        field(form, "actor.id", r.actor().id());
        field(form, "actor.name", r.actor().name());
        field(form, "actor.organisation", r.actor().organisation());
        field(form, "module", r.module());
        field(form, "action", r.action());
        field(form, "subject.type", r.subject().type());
        field(form, "subject.id", r.subject().id());
        field(form, "before", r.before());
        field(form, "after", r.after());
        field(form, "previous", r.previousHash());
        return form.toString();
    }

    /**
     * The canonical form of an entry before it has a place in the chain: the record's form without {@code sequence} and
     * {@code previous}, under its own version line so that it can never be mistaken for a record's.
     */
    static String canonical(AuditEntry e) {
        var form = new StringBuilder(ENTRY_VERSION).append('\n');
        field(form, "at", MICROS.format(e.at()));
        field(form, "actor.id", e.actor().id());
        field(form, "actor.name", e.actor().name());
        field(form, "actor.organisation", e.actor().organisation());
        field(form, "module", e.module());
        field(form, "action", e.action());
        field(form, "subject.type", e.subject().type());
        field(form, "subject.id", e.subject().id());
        field(form, "before", e.before());
        field(form, "after", e.after());
        return form.toString();
    }

    /** The hash a pending entry is stored with, and checked against before it is chained. */
    static String of(AuditEntry e) {
        return sha256(canonical(e));
    }

    static String of(AuditRecord r) {
        return sha256(canonical(r));
    }

    static String sha256(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static void field(StringBuilder form, String name, @Nullable String value) {
        form.append(name).append(':');
        if (value == null) {
            form.append('-');
        } else {
            form.append(value.getBytes(StandardCharsets.UTF_8).length)
                    .append(':')
                    .append(value);
        }
        form.append('\n');
    }
}
