package org.kaifang.statistics;

import java.util.ArrayList;
import java.util.List;
import org.kaifang.applications.ApplicationChanged;
import org.kaifang.licensing.AnnualReportChanged;
import org.kaifang.licensing.CreditListChanged;
import org.kaifang.licensing.LicenceChanged;
import org.kaifang.screening.ScreeningReviewed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the statistics from the other modules' events. Plain, synchronous {@link EventListener}s, as the audit trail's
 * and the register's: they run in the publisher's transaction, so a figure never counts a change that was rolled back
 * and never misses one that committed, with no event publication registry to keep (Modulith's
 * {@code @ApplicationModuleListener} runs after the commit and would need one to survive a crash in between).
 *
 * <p>Licence changes are gathered and written just before the transaction commits, in batches: the demo register and
 * bulk take-overs publish thousands in one transaction.
 */
@Component
class StatisticsUpdates {

    private final StatisticsStore store;

    StatisticsUpdates(StatisticsStore store) {
        this.store = store;
    }

    @EventListener
    void on(LicenceChanged e) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            store.applyLicences(List.of(e));
            return;
        }
        pending().add(e);
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

    private List<LicenceChanged> pending() {
        @SuppressWarnings("unchecked")
        var pending = (List<LicenceChanged>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            var gathered = new ArrayList<LicenceChanged>();
            TransactionSynchronizationManager.bindResource(this, gathered);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    var changes = List.copyOf(gathered);
                    gathered.clear();
                    store.applyLicences(changes);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(StatisticsUpdates.this);
                }
            });
            pending = gathered;
        }
        return pending;
    }
}
