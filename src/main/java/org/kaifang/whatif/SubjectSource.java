package org.kaifang.whatif;

import java.util.List;

/** Where a run's subjects come from, a page at a time, so that a run never holds them all. */
interface SubjectSource {

    /**
     * Hands every subject to {@code pages}, a page at a time, until there are no more or {@code pages} answers
     * {@code false} (the run was cancelled).
     */
    void walk(Pages pages);

    /** An upper bound of the subjects {@link #walk} will give, for progress. */
    long estimate();

    /** Receives a page; {@code false} stops the walk. */
    @FunctionalInterface
    interface Pages {
        boolean accept(List<Subject> page, int skipped);
    }
}
