package org.kaifang.register;

import java.util.ArrayList;
import java.util.List;
import org.kaifang.licensing.CreditListChanged;
import org.kaifang.licensing.LicenceChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the register from the licensing module's events. Plain, synchronous {@link EventListener}s, like the audit
 * trail's: they run in the publisher's transaction, so the register never shows a licence that was rolled back and
 * never misses one that was committed (Modulith's listeners run after the commit and would need a publication
 * registry to survive a crash in between).
 *
 * <p>Within a transaction, licence changes are gathered and written just before it commits, in batches: a bulk
 * take-over publishes thousands of events in one transaction, and statement by statement they took minutes. They are
 * still written in the publisher's transaction, and a failure still rolls it back.
 */
@Component
class RegisterUpdates {

    private final Register register;

    RegisterUpdates(Register register) {
        this.register = register;
    }

    @EventListener
    void on(LicenceChanged e) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            register.apply(e);
            return;
        }
        pending().add(e);
    }

    @EventListener
    void on(CreditListChanged e) {
        register.apply(e.entry(), e.at());
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
                    register.applyAll(changes);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(RegisterUpdates.this);
                }
            });
            pending = gathered;
        }
        return pending;
    }
}
