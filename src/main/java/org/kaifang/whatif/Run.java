package org.kaifang.whatif;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A what-if run as stored: what it compared, as of when, who started it, and how far it got.
 *
 * @param estimate an upper bound of the subjects, for progress
 * @param subjects subjects judged so far
 * @param skipped subjects that could not be judged (no seat, an application whose request no longer reads)
 * @param services services judged so far (a subject holds one or more)
 * @param distinctInputs distinct inputs judged: what the run actually cost in determinations (two each)
 */
record Run(
        UUID id,
        String organisation,
        String startedBy,
        String candidateSource,
        String candidateVersion,
        String candidateDigest,
        String currentVersion,
        String currentDigest,
        LocalDate asOf,
        RunStatus status,
        Instant startedAt,
        @Nullable Instant finishedAt,
        long estimate,
        long subjects,
        long skipped,
        long services,
        long distinctInputs,
        long gains,
        long losses,
        @Nullable String problem) {

    /** A run just started: running, nothing judged yet. */
    static Run started(
            String organisation,
            String startedBy,
            String candidateSource,
            org.kaifang.rules.RulePackRef candidate,
            org.kaifang.rules.RulePackRef current,
            LocalDate asOf,
            Instant startedAt,
            long estimate) {
        return new Run(
                UUID.randomUUID(),
                organisation,
                startedBy,
                candidateSource,
                candidate.version(),
                candidate.digest(),
                current.version(),
                current.digest(),
                asOf,
                RunStatus.RUNNING,
                startedAt,
                null,
                estimate,
                0,
                0,
                0,
                0,
                0,
                0,
                null);
    }

    /** Per cent of the estimate judged, 0–100. */
    int percent() {
        if (status == RunStatus.DONE) {
            return 100;
        }
        return estimate <= 0 ? 0 : (int) Math.min(99, (subjects + skipped) * 100 / estimate);
    }
}
