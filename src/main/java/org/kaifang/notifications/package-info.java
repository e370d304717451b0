/**
 * Notifications: tells people when an application needs them or has news for them. Listens to the applications
 * module's {@link org.kaifang.applications.ApplicationChanged} events, decides who is told what
 * ({@link org.kaifang.notifications.NotificationRules}), finds the recipients through the accounts API, and writes
 * in-app inbox messages and, where mail is configured and the recipient gave an address, e-mail to an outbox, all in
 * the transaction of the transition. {@link org.kaifang.notifications.OutboxSender} delivers the outbox on a schedule,
 * with retries, each message once however many nodes run.
 */
@NullMarked
@ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {"applications", "accounts", "web"})
package org.kaifang.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
