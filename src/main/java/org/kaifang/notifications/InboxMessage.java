package org.kaifang.notifications;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One message in a user's inbox.
 *
 * @param link the page it is about, e.g. {@code /applications/{id}}
 * @param readAt when the user marked it read; {@code null} while unread
 */
public record InboxMessage(
        UUID id,
        UUID recipient,
        Topic topic,
        String link,
        Bilingual subject,
        Bilingual body,
        Instant createdAt,
        @Nullable Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
