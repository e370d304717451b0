package org.kaifang.register;

import org.kaifang.licensing.CreditListChanged;
import org.kaifang.licensing.LicenceChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the register from the licensing module's events. Plain, synchronous {@link EventListener}s, like the audit
 * trail's: they run in the publisher's transaction, so the register never shows a licence that was rolled back and
 * never misses one that was committed (Modulith's listeners run after the commit and would need a publication
 * registry to survive a crash in between).
 */
@Component
class RegisterUpdates {

    private final Register register;

    RegisterUpdates(Register register) {
        this.register = register;
    }

    @EventListener
    void on(LicenceChanged e) {
        register.apply(e);
    }

    @EventListener
    void on(CreditListChanged e) {
        register.apply(e.entry(), e.at());
    }
}
