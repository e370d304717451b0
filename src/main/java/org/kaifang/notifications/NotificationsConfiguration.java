package org.kaifang.notifications;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the outbox sender on every node, every {@code kaifang.notifications.send-interval}; one round at a time across
 * the nodes (the scheduler lock of org.kaifang.cluster). Each e-mail is claimed by one round anyway, so the lock only
 * keeps nodes from contending for the same rows; a round left holding it by a dead node is taken over after the claim
 * timeout, as its e-mails are.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotificationsConfiguration {

    @Component
    @ConditionalOnProperty(name = "kaifang.notifications.schedule", havingValue = "true", matchIfMissing = true)
    static class ScheduledSending {

        private static final Logger log = LoggerFactory.getLogger(ScheduledSending.class);

        private final OutboxSender sender;

        ScheduledSending(OutboxSender sender) {
            this.sender = sender;
        }

        @Scheduled(
                fixedDelayString = "${kaifang.notifications.send-interval:PT15S}",
                initialDelayString = "${kaifang.notifications.send-interval:PT15S}")
        @SchedulerLock(name = "notifications-outbox", lockAtMostFor = "${kaifang.notifications.claim-timeout:PT5M}")
        void send() {
            try {
                sender.sendDue();
            } catch (RuntimeException e) {
                // The database may be briefly unavailable; the next round tries again.
                log.warn("Sending the outbox failed: {}", e.toString());
            }
        }
    }
}
