package org.kaifang.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored outbox of e-mail. Claiming is safe with several nodes on one database: due rows are selected
 * {@code for update skip locked} (PostgreSQL and H2 2.x both accept it), so concurrent senders pass over each other's
 * rows instead of waiting, and each row is then claimed with an update that succeeds only while nobody else holds a
 * live claim on it.
 */
@Repository
class Outbox {

    private static final String COLUMNS =
            "id, message, address, subject, body, status, attempts, next_attempt_at," + " last_error, sent_at";

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(UUID id, UUID message, String address, String subject, String body, Instant at) {
        jdbc.sql("insert into notifications.outbox (id, message, address, subject, body, status, attempts,"
                        + " next_attempt_at, created_at) values (:id, :message, :address, :subject, :body, 'PENDING',"
                        + " 0, :at, :at)")
                .param("id", id)
                .param("message", message)
                .param("address", address)
                .param("subject", subject)
                .param("body", body)
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * Claims up to {@code limit} due rows for {@code node} until {@code until}. Call it in a transaction: the row locks
     * taken by the select hold until it ends.
     */
    List<OutboxMail> claim(String node, Instant now, Instant until, int limit) {
        var due = jdbc.sql("select id from notifications.outbox where status = 'PENDING' and next_attempt_at <= :now"
                        + " and (claimed_until is null or claimed_until < :now)"
                        + " order by next_attempt_at, id fetch first " + limit + " rows only for update skip locked")
                .param("now", Timestamp.from(now))
                .query(UUID.class)
                .list();
        return due.stream()
                .filter(id -> jdbc.sql("update notifications.outbox set claimed_by = :node, claimed_until = :until"
                                        + " where id = :id and status = 'PENDING'"
                                        + " and (claimed_until is null or claimed_until < :now)")
                                .param("node", node)
                                .param("until", Timestamp.from(until))
                                .param("id", id)
                                .param("now", Timestamp.from(now))
                                .update()
                        == 1)
                .map(id -> find(id))
                .toList();
    }

    /** Records a delivery by {@code node}; whether {@code node} still held the claim. */
    boolean sent(UUID id, String node, Instant at) {
        return jdbc.sql("update notifications.outbox set status = 'SENT', attempts = attempts + 1, sent_at = :at,"
                                + " claimed_by = null, claimed_until = null where id = :id and claimed_by = :node")
                        .param("at", Timestamp.from(at))
                        .param("id", id)
                        .param("node", node)
                        .update()
                > 0;
    }

    /** Records a failed attempt: the row waits until {@code retryAt}, or is given up when {@code giveUp}. */
    boolean failed(UUID id, String node, String error, Instant retryAt, boolean giveUp) {
        return jdbc.sql("update notifications.outbox set status = :status, attempts = attempts + 1,"
                                + " last_error = :error, next_attempt_at = :retryAt, claimed_by = null,"
                                + " claimed_until = null where id = :id and claimed_by = :node")
                        .param("status", giveUp ? "FAILED" : "PENDING")
                        .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                        .param("retryAt", Timestamp.from(retryAt))
                        .param("id", id)
                        .param("node", node)
                        .update()
                > 0;
    }

    OutboxMail find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from notifications.outbox where id = :id")
                .param("id", id)
                .query(Row.class)
                .single()
                .mail();
    }

    /** The e-mails copying {@code message}. */
    List<OutboxMail> forMessage(UUID message) {
        return jdbc
                .sql("select " + COLUMNS + " from notifications.outbox where message = :message order by id")
                .param("message", message)
                .query(Row.class)
                .list()
                .stream()
                .map(Row::mail)
                .toList();
    }

    /** A row of {@code notifications.outbox}, as JdbcClient maps it by column name. */
    record Row(
            UUID id,
            UUID message,
            String address,
            String subject,
            String body,
            String status,
            int attempts,
            Timestamp nextAttemptAt,
            @Nullable String lastError,
            @Nullable Timestamp sentAt) {

        OutboxMail mail() {
            return new OutboxMail(
                    id,
                    message,
                    address,
                    subject,
                    body,
                    OutboxMail.Status.valueOf(status),
                    attempts,
                    nextAttemptAt.toInstant(),
                    lastError,
                    sentAt == null ? null : sentAt.toInstant());
        }
    }
}
