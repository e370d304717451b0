package org.kaifang.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * A change to record, before it takes its place in the chain: when, who, which module did what to which subject, and
 * short summaries of the subject before and after (a status, a version, a reason; never a document's content).
 *
 * <p>Values are kept as the database stores them, so that the hash computed now is the hash recomputed later: the
 * time to the microsecond, summaries to 2,000 characters, other text to its column's length.
 *
 * @param module the module whose state changed, e.g. {@code applications}
 * @param action what happened, in the module's words, e.g. {@code submit}, {@code DISMISSED}, {@code SIGNED_IN}
 */
public record AuditEntry(
        Instant at,
        AuditActor actor,
        String module,
        String action,
        Subject subject,
        @Nullable String before,
        @Nullable String after) {

    /** The longest summary kept. */
    public static final int MAX_SUMMARY = 2000;

    public AuditEntry {
        at = at.truncatedTo(ChronoUnit.MICROS);
        module = Text.clip(module, 32);
        action = Text.clip(action, 64);
        before = Text.clipNullable(before, MAX_SUMMARY);
        after = Text.clipNullable(after, MAX_SUMMARY);
        if (module.isBlank()
                || action.isBlank()
                || subject.type().isBlank()
                || subject.id().isBlank()) {
            throw new IllegalArgumentException("An audit entry needs a module, an action and a subject");
        }
    }
}
