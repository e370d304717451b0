package org.kaifang.audit;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kaifang.web.AdminWarnings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Verifies the whole hash chain when the server has started, so that tampering done while it was stopped (an edited
 * backup restored, rows changed in the database) is found at once rather than when someone thinks to look. A broken
 * chain is logged as an error and shown to every administrator on every page until the server restarts on an intact
 * trail; the server keeps serving, because stopping it would hide the evidence as well as the service.
 */
@Component
class ChainCheckAtStartup implements AdminWarnings {

    private static final Logger log = LoggerFactory.getLogger(ChainCheckAtStartup.class);

    private final AuditTrail trail;
    private volatile @Nullable Verification result;

    ChainCheckAtStartup(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener(ApplicationReadyEvent.class)
    void verify() {
        var verification = trail.verify();
        result = verification;
        switch (verification) {
            case Verification.Intact ok ->
                log.info(
                        "Audit trail verified at start-up: {} records, head {}; {} waiting to be chained",
                        ok.count(),
                        ok.headHash(),
                        ok.pending());
            case Verification.Broken broken ->
                log.error(
                        "AUDIT TRAIL BROKEN at start-up: record {} ({}) after {} intact records: {}",
                        broken.sequence(),
                        broken.problem(),
                        broken.checked(),
                        broken.detail());
        }
    }

    /** What the start-up check found; {@code null} before it ran. */
    @Nullable
    Verification result() {
        return result;
    }

    @Override
    public List<Warning> current() {
        return result instanceof Verification.Broken broken
                ? List.of(
                        new Warning("audit.brokenAtStartup", List.of(broken.sequence(), broken.checked())),
                        new Warning("audit.problem." + broken.problem(), List.of()))
                : List.of();
    }
}
