package org.kaifang.statistics;

import org.kaifang.applications.ApplicationChanged;
import org.kaifang.licensing.AnnualReportChanged;
import org.kaifang.licensing.CreditListChanged;
import org.kaifang.licensing.LicenceChanged;
import org.kaifang.licensing.LicenceChangesBeforeCommit;
import org.kaifang.screening.ScreeningReviewed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the statistics from the other modules' events. Plain, synchronous {@link EventListener}s, as the audit trail's
 * and the register's: they run in the publisher's transaction, so a figure never counts a change that was rolled back
 * and never misses one that committed, with no event publication registry to keep (Modulith's
 * {@code @ApplicationModuleListener} runs after the commit and would need one to survive a crash in between).
 *
 * <p>Licence changes are gathered and written just before the transaction commits, in batches
 * ({@link LicenceChangesBeforeCommit}): the demo register and
 * bulk take-overs publish thousands in one transaction.
 */
@Component
class StatisticsUpdates {

    private final StatisticsStore store;
    private final LicenceChangesBeforeCommit licences;

    StatisticsUpdates(StatisticsStore store) {
        this.store = store;
        this.licences = new LicenceChangesBeforeCommit(store::applyLicences);
    }

    @EventListener
    void on(LicenceChanged e) {
        licences.add(e);
    }

    @EventListener
    void on(CreditListChanged e) {
        store.apply(e);
    }

    @EventListener
    void on(ApplicationChanged e) {
        store.apply(e);
    }

    @EventListener
    void on(ScreeningReviewed e) {
        store.apply(e);
    }

    @EventListener
    void on(AnnualReportChanged e) {
        store.apply(e);
    }
}
