package org.kaifang.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored inbox messages. */
@Repository
class Messages {

    private static final String COLUMNS =
            "id, recipient, topic, link, subject_zh, subject_en, body_zh, body_en, created_at, read_at";

    private final JdbcClient jdbc;

    Messages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(InboxMessage message, @Nullable UUID application) {
        jdbc.sql("insert into notifications.message (" + COLUMNS + ", application) values (:id, :recipient, :topic,"
                        + " :link, :subjectZh, :subjectEn, :bodyZh, :bodyEn, :createdAt, null, :application)")
                .param("id", message.id())
                .param("recipient", message.recipient())
                .param("topic", message.topic().name())
                .param("link", message.link())
                .param("subjectZh", message.subject().zh())
                .param("subjectEn", message.subject().en())
                .param("bodyZh", message.body().zh())
                .param("bodyEn", message.body().en())
                .param("createdAt", Timestamp.from(message.createdAt()))
                .param("application", application)
                .update();
    }

    /** {@code recipient}'s newest messages first, at most {@code limit}. */
    List<InboxMessage> of(UUID recipient, int limit) {
        return jdbc
                .sql("select " + COLUMNS + " from notifications.message where recipient = :recipient"
                        + " order by seq desc fetch first " + limit + " rows only")
                .param("recipient", recipient)
                .query(Row.class)
                .list()
                .stream()
                .map(Row::message)
                .toList();
    }

    Optional<InboxMessage> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from notifications.message where id = :id")
                .param("id", id)
                .query(Row.class)
                .optional()
                .map(Row::message);
    }

    /** The messages about {@code application}, oldest first. */
    List<InboxMessage> about(UUID application) {
        return jdbc
                .sql("select " + COLUMNS + " from notifications.message where application = :application"
                        + " order by seq")
                .param("application", application)
                .query(Row.class)
                .list()
                .stream()
                .map(Row::message)
                .toList();
    }

    int unread(UUID recipient) {
        return jdbc.sql("select count(*) from notifications.message where recipient = :recipient and read_at is null")
                .param("recipient", recipient)
                .query(Integer.class)
                .single();
    }

    /** Marks {@code recipient}'s message read; whether there was such an unread message. */
    boolean markRead(UUID recipient, UUID id, Instant at) {
        return jdbc.sql("update notifications.message set read_at = :at"
                                + " where id = :id and recipient = :recipient and read_at is null")
                        .param("at", Timestamp.from(at))
                        .param("id", id)
                        .param("recipient", recipient)
                        .update()
                > 0;
    }

    int markAllRead(UUID recipient, Instant at) {
        return jdbc.sql(
                        "update notifications.message set read_at = :at where recipient = :recipient and read_at is null")
                .param("at", Timestamp.from(at))
                .param("recipient", recipient)
                .update();
    }

    /** A row of {@code notifications.message}, as JdbcClient maps it by column name. */
    record Row(
            UUID id,
            UUID recipient,
            String topic,
            String link,
            String subjectZh,
            String subjectEn,
            String bodyZh,
            String bodyEn,
            Timestamp createdAt,
            @Nullable Timestamp readAt) {

        InboxMessage message() {
            return new InboxMessage(
                    id,
                    recipient,
                    Topic.valueOf(topic),
                    link,
                    new Bilingual(subjectZh, subjectEn),
                    new Bilingual(bodyZh, bodyEn),
                    createdAt.toInstant(),
                    readAt == null ? null : readAt.toInstant());
        }
    }
}
