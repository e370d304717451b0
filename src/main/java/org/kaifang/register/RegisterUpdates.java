package org.kaifang.register;

import org.kaifang.licensing.CreditListChanged;
import org.kaifang.licensing.LicenceChanged;
import org.kaifang.licensing.LicenceChangesBeforeCommit;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the register from the licensing module's events. Plain, synchronous {@link EventListener}s, like the audit
 * trail's: they run in the publisher's transaction, so the register never shows a licence that was rolled back and
 * never misses one that was committed (Modulith's listeners run after the commit and would need a publication
 * registry to survive a crash in between).
 *
 * <p>Within a transaction, licence changes are gathered and written just before it commits, in batches
 * ({@link LicenceChangesBeforeCommit}): a bulk
 * take-over publishes thousands of events in one transaction, and statement by statement they took minutes. They are
 * still written in the publisher's transaction, and a failure still rolls it back.
 */
@Component
class RegisterUpdates {

    private final Register register;
    private final LicenceChangesBeforeCommit licences;

    RegisterUpdates(Register register) {
        this.register = register;
        this.licences = new LicenceChangesBeforeCommit(register::applyAll);
    }

    @EventListener
    void on(LicenceChanged e) {
        licences.add(e);
    }

    @EventListener
    void on(CreditListChanged e) {
        register.apply(e.entry(), e.at());
    }
}
