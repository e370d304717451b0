package org.kaifang.audit;

import org.jspecify.annotations.Nullable;

/**
 * Who made a change: the user's stable id and username, and the organisation they acted for. The id and the
 * organisation are {@code null} when the source does not know them (a failed sign-in with an unknown username).
 *
 * @param name the username, or what was typed as one; at most 200 characters are kept
 */
public record AuditActor(
        @Nullable String id, String name, @Nullable String organisation) {

    public AuditActor {
        id = Text.clipNullable(id, 64);
        name = Text.clip(name, 200);
        organisation = Text.clipNullable(organisation, 64);
    }
}
