package org.kaifang.notifications;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Delivers the outbox. A round claims due e-mail in a short transaction, sends each one outside any transaction, and
 * records the outcome: sent, or failed with the error, to be tried again after a doubling wait until the most attempts
 * allowed. Several nodes may run rounds at once on one database; each e-mail is claimed by one of them. A node that dies
 * after claiming leaves its e-mails to the others once the claim times out, so an e-mail the SMTP server accepted just
 * before the node died may be sent twice: at least once, never lost.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final Outbox outbox;
    private final @Nullable MailSender mail;
    private final TransactionOperations transactions;
    private final NotificationSettings settings;
    private final Clock clock;
    private final String node;

    @Autowired
    OutboxSender(
            Outbox outbox,
            ObjectProvider<MailSender> mail,
            TransactionOperations transactions,
            NotificationSettings settings,
            Clock clock) {
        this(outbox, mail.getIfAvailable(), transactions, settings, clock, nodeName());
    }

    OutboxSender(
            Outbox outbox,
            @Nullable MailSender mail,
            TransactionOperations transactions,
            NotificationSettings settings,
            Clock clock,
            String node) {
        this.outbox = outbox;
        this.mail = mail;
        this.transactions = transactions;
        this.settings = settings;
        this.clock = clock;
        this.node = node;
    }

    /** What one round did. */
    public record Round(int claimed, int sent, int failed) {}

    /** Sends the e-mail that is due now; nothing when mail is not configured. */
    public Round sendDue() {
        if (mail == null) {
            return new Round(0, 0, 0);
        }
        var now = clock.instant();
        var claimed = transactions.execute(
                s -> outbox.claim(node, now, now.plus(settings.claimTimeout()), settings.batchSize()));
        int sent = 0;
        int failed = 0;
        for (var email : claimed == null ? java.util.List.<OutboxMail>of() : claimed) {
            try {
                mail.send(message(email));
                outbox.sent(email.id(), node, clock.instant());
                sent++;
            } catch (RuntimeException e) {
                var attempts = email.attempts() + 1;
                var giveUp = attempts >= settings.maxAttempts();
                outbox.failed(email.id(), node, describe(e), clock.instant().plus(settings.backoff(attempts)), giveUp);
                failed++;
                log.warn(
                        "E-mail {} to {} failed (attempt {} of {}{}): {}",
                        email.id(),
                        email.address(),
                        attempts,
                        settings.maxAttempts(),
                        giveUp ? ", given up" : "",
                        describe(e));
            }
        }
        return new Round(claimed == null ? 0 : claimed.size(), sent, failed);
    }

    private SimpleMailMessage message(OutboxMail email) {
        var message = new SimpleMailMessage();
        message.setFrom(settings.mailFrom());
        message.setTo(email.address());
        message.setSubject(email.subject());
        message.setText(email.body());
        return message;
    }

    private static String describe(Throwable e) {
        var text = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
        for (var cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
            text.append(" ← ")
                    .append(cause.getClass().getSimpleName())
                    .append(": ")
                    .append(cause.getMessage());
            if (cause.getCause() == cause) {
                break;
            }
        }
        return text.toString();
    }

    private static String nodeName() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
