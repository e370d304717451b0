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
