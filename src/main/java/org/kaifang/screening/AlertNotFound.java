package org.kaifang.screening;

import java.util.UUID;

/** No alert has this id. */
public final class AlertNotFound extends RuntimeException {

    public AlertNotFound(UUID id) {
        super("No screening alert " + id);
    }
}
