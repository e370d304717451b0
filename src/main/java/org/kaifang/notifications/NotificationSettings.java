package org.kaifang.notifications;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings for notifications, bound from {@code kaifang.notifications.*}. E-mail is sent only when Spring Boot has a
 * mail sender, that is when {@code spring.mail.host} is set.
 *
 * @param mailFrom the sender address of notification e-mail
 * @param baseUrl the address of this Kaifang, for the links in e-mail, e.g. {@code https://kaifang.example.gov.cn}
 * @param maxAttempts how often an e-mail is tried before it is marked failed
 * @param retryAfter the wait after the first failure; it doubles after each further failure
 * @param maxRetryAfter the longest wait between two attempts
 * @param sendInterval how long the sender rests between two rounds
 * @param batchSize the most e-mails one node claims in one round
 * @param claimTimeout how long a claim holds: a node that dies leaves its claimed e-mails to others after this
 * @param schedule whether this node runs the sender on a schedule (tests drive it by hand)
 */
@ConfigurationProperties("kaifang.notifications")
@Validated
record NotificationSettings(
        @DefaultValue("kaifang@localhost") String mailFrom,
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("8") @Min(1) int maxAttempts,
        @DefaultValue("PT1M") Duration retryAfter,
        @DefaultValue("PT6H") Duration maxRetryAfter,
        @DefaultValue("PT15S") Duration sendInterval,
        @DefaultValue("20") @Min(1) int batchSize,
        @DefaultValue("PT5M") Duration claimTimeout,
        @DefaultValue("true") boolean schedule) {

    /** The settings when none are given. */
    static NotificationSettings defaults() {
        return new NotificationSettings(
                "kaifang@localhost",
                "http://localhost:8080",
                8,
                Duration.ofMinutes(1),
                Duration.ofHours(6),
                Duration.ofSeconds(15),
                20,
                Duration.ofMinutes(5),
                true);
    }

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones: doubling, capped. */
    Duration backoff(int attempts) {
        var wait = retryAfter;
        for (int i = 1; i < attempts && wait.compareTo(maxRetryAfter) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait;
    }
}
