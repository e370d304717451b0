package org.kaifang.notifications;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.kaifang.accounts.UserId;
import org.kaifang.web.UnreadMessages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's inbox: their messages, newest first, what is unread, and where they want e-mail copies. */
@Service
public class Inbox implements UnreadMessages {

    /** The most messages the inbox shows. */
    public static final int PAGE = 100;

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]+\\.[^@\\s<>\"]+");

    private final Messages messages;
    private final MailAddresses addresses;
    private final Clock clock;

    Inbox(Messages messages, MailAddresses addresses, Clock clock) {
        this.messages = messages;
        this.addresses = addresses;
        this.clock = clock;
    }

    public List<InboxMessage> messages(UserId user) {
        return messages.of(user.value(), PAGE);
    }

    @Override
    public int of(UserId user) {
        return messages.unread(user.value());
    }

    /** Marks one of {@code user}'s messages read; whether it was theirs and unread. */
    @Transactional
    public boolean markRead(UserId user, UUID message) {
        return messages.markRead(user.value(), message, clock.instant());
    }

    @Transactional
    public int markAllRead(UserId user) {
        return messages.markAllRead(user.value(), clock.instant());
    }

    public Optional<String> mailAddress(UserId user) {
        return addresses.of(user.value());
    }

    /**
     * Sets where {@code user} gets e-mail copies; a blank address stops them.
     *
     * @throws IllegalArgumentException when {@code address} does not look like an e-mail address
     */
    @Transactional
    public void setMailAddress(UserId user, String address) {
        var stripped = address.strip();
        if (stripped.isEmpty()) {
            addresses.remove(user.value());
            return;
        }
        if (!validAddress(stripped)) {
            throw new IllegalArgumentException("Not an e-mail address: " + stripped);
        }
        addresses.set(user.value(), stripped, clock.instant());
    }

    public static boolean validAddress(String address) {
        return address.length() <= 320 && ADDRESS.matcher(address).matches();
    }
}
