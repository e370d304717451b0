package org.kaifang.notifications.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kaifang.notifications.InboxMessage;

/**
 * What the inbox page shows.
 *
 * @param done what was just done ({@code read}, {@code all-read}, {@code address}), for the confirmation
 * @param addressError the message key of what is wrong with the address entered, if anything
 */
public record InboxView(
        List<InboxMessage> messages,
        int unread,
        boolean mailConfigured,
        String address,
        @Nullable String done,
        @Nullable String addressError) {

    /** Times shown as in China. */
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    public String when(InboxMessage message) {
        return WHEN.format(message.createdAt());
    }

    public String datetime(InboxMessage message) {
        return message.createdAt().toString();
    }
}
