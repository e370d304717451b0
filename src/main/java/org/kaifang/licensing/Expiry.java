package org.kaifang.licensing;

import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Expiry and lapse: every licence in force whose last valid day is before today lapses (Order 42 art. 27), however long
 * ago that day was, so a run after downtime catches up. Each licence changes in its own short transaction, so a large
 * catch-up neither holds locks long nor loses everything to one failure.
 */
@Component
class Expiry {

    static final String JOB = "licence-expiry";

    private static final int BATCH = 200;

    private final LicenceStore store;
    private final Licences licences;
    private final DailyJobs jobs;
    private final TransactionTemplate transaction;

    Expiry(LicenceStore store, Licences licences, DailyJobs jobs, PlatformTransactionManager transactions) {
        this.store = store;
        this.licences = licences;
        this.jobs = jobs;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Today's run, if this node wins it.
     *
     * @return how many licences lapsed; {@code -1} when another node (or an earlier run) had today's run
     */
    int runOnce() {
        var today = licences.today();
        if (!jobs.claim(JOB, today)) {
            return -1;
        }
        return lapse(today);
    }

    /** Lets every licence in force whose validity ended before {@code today} lapse; returns how many did. */
    int lapse(LocalDate today) {
        var count = 0;
        while (true) {
            var due = store.endedBefore(today, BATCH);
            if (due.isEmpty()) {
                return count;
            }
            for (var id : due) {
                Boolean lapsed = transaction.execute(status -> store.lock(id)
                        .filter(l -> l.status() == LicenceStatus.NORMAL
                                && l.validUntil() != null
                                && l.validUntil().isBefore(today))
                        .map(l -> {
                            licences.save(Transitions.expire(l), LicenceChange.LAPSED, "system", "validity ended");
                            return true;
                        })
                        .orElse(false));
                if (Boolean.TRUE.equals(lapsed)) {
                    count++;
                }
            }
        }
    }
}
