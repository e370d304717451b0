package org.kaifang.whatif;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One run's work: walks the subjects page by page, judges each through the {@link Comparison}, and hands the changes
 * to a {@link Sink} in batches of {@value #BATCH}. Memory is bounded by a page of subjects, a batch of changes and the
 * comparison's bounded cache, whatever the number of subjects. A cancel request is honoured between subjects.
 */
final class Execution {

    static final int BATCH = 1_000;

    /** Where a run's changes and progress go: the database, or a counter in the benchmark. */
    interface Sink {
        void changes(long firstSeq, List<Change> changes);

        void progress(Tally tally);
    }

    /** A run's counts so far. */
    record Tally(long subjects, long skipped, long services, long distinctInputs, long gains, long losses) {}

    private final SubjectSource source;
    private final Comparison comparison;
    private final Sink sink;
    private final AtomicBoolean cancelled;

    private long subjects;
    private long skipped;
    private long services;
    private long gains;
    private long losses;
    private long seq;
    private final List<Change> batch = new ArrayList<>(BATCH);

    Execution(SubjectSource source, Comparison comparison, Sink sink, AtomicBoolean cancelled) {
        this.source = source;
        this.comparison = comparison;
        this.sink = sink;
        this.cancelled = cancelled;
    }

    /** Runs to the end or to a cancel request; {@code true} when every subject was judged. */
    boolean execute() {
        source.walk((page, skippedOnPage) -> {
            skipped += skippedOnPage;
            for (var subject : page) {
                if (cancelled.get()) {
                    return false;
                }
                try {
                    services += comparison.compare(subject, this::add);
                    subjects++;
                } catch (RuntimeException e) {
                    // A subject the engine cannot judge (e.g. a service the candidate's catalogue lacks) is counted,
                    // not allowed to stop the run.
                    skipped++;
                }
            }
            flush();
            sink.progress(tally());
            return !cancelled.get();
        });
        flush();
        sink.progress(tally());
        return !cancelled.get();
    }

    Tally tally() {
        return new Tally(subjects, skipped, services, comparison.distinctInputs(), gains, losses);
    }

    private void add(Change change) {
        if (change.direction() == Direction.GAIN) {
            gains++;
        } else {
            losses++;
        }
        batch.add(change);
        if (batch.size() >= BATCH) {
            flush();
        }
    }

    private void flush() {
        if (!batch.isEmpty()) {
            sink.changes(seq + 1, List.copyOf(batch));
            seq += batch.size();
            batch.clear();
        }
    }
}
