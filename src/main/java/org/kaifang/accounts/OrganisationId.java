package org.kaifang.accounts;

import java.io.Serializable;
import java.util.UUID;

/** Identifies an organisation; other modules keep this, never the organisation's name. */
public record OrganisationId(UUID value) implements Serializable {

    public static OrganisationId random() {
        return new OrganisationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
