package org.kaifang.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The addresses users gave for e-mail copies of their inbox. */
@Repository
class MailAddresses {

    private final JdbcClient jdbc;

    MailAddresses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> of(UUID recipient) {
        return jdbc.sql("select address from notifications.mail_address where recipient = :recipient")
                .param("recipient", recipient)
                .query(String.class)
                .optional();
    }

    void set(UUID recipient, String address, Instant at) {
        var updated = jdbc.sql("update notifications.mail_address set address = :address, updated_at = :at"
                        + " where recipient = :recipient")
                .param("address", address)
                .param("at", Timestamp.from(at))
                .param("recipient", recipient)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into notifications.mail_address (recipient, address, updated_at)"
                            + " values (:recipient, :address, :at)")
                    .param("recipient", recipient)
                    .param("address", address)
                    .param("at", Timestamp.from(at))
                    .update();
        }
    }

    void remove(UUID recipient) {
        jdbc.sql("delete from notifications.mail_address where recipient = :recipient")
                .param("recipient", recipient)
                .update();
    }
}
