package org.kaifang.licensing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * For a listener that keeps a read model from {@link LicenceChanged} in the publisher's transaction (the register, the
 * statistics): gathers a transaction's changes and hands them to {@code write} together, in the order published, just
 * before the transaction commits. A bulk take-over publishes thousands of changes in one transaction, and written one
 * by one they took minutes. The writes are still in the publisher's transaction, so a failure still rolls it back, and
 * a rolled-back transaction writes nothing. Outside a transaction a change is handed over at once.
 */
public final class LicenceChangesBeforeCommit {

    private final Consumer<List<LicenceChanged>> write;

    /** {@code write} keeps a list of changes, as it would keep them one by one. */
    public LicenceChangesBeforeCommit(Consumer<List<LicenceChanged>> write) {
        this.write = write;
    }

    /** Hands {@code change} to the writer before the current transaction commits, or now when there is none. */
    public void add(LicenceChanged change) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write.accept(List.of(change));
            return;
        }
        pending().add(change);
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
                    write.accept(changes);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(LicenceChangesBeforeCommit.this);
                }
            });
            pending = gathered;
        }
        return pending;
    }
}
