package org.kaifang.eligibility;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only store of determinations. There is deliberately no update and no delete. */
@Repository
class Determinations {

    private final JdbcClient jdbc;
    private final @Nullable Lock writes;

    Determinations(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        // H2's store lets concurrent appends to one table retry against each other, burning the CPU the requests
        // need (measured: 790/s with 32 writers, 1,180/s with 2). Taking turns costs nothing there; PostgreSQL
        // handles concurrent inserts itself.
        this.writes = embedded(dataSource) ? new ReentrantLock() : null;
    }

    private static boolean embedded(javax.sql.DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL().startsWith("jdbc:h2:");
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    void add(StoredDetermination stored, Determination d, String requestJson) {
        if (writes == null) {
            insert(stored, d, requestJson);
            return;
        }
        writes.lock();
        try {
            insert(stored, d, requestJson);
        } finally {
            writes.unlock();
        }
    }

    private void insert(StoredDetermination stored, Determination d, String requestJson) {
        jdbc.sql("""
                        insert into eligibility.determination
                          (id, created_at, as_of, rule_pack_id, rule_pack_version, rule_pack_digest, overall,
                           request_json, body_json)
                        values (:id, :createdAt, :asOf, :packId, :packVersion, :packDigest, :overall, :request, :body)
                        """)
                .param("id", stored.id())
                .param("createdAt", Timestamp.from(stored.createdAt()))
                .param("asOf", d.asOf())
                .param("packId", d.rulePack().id())
                .param("packVersion", d.rulePack().version())
                .param("packDigest", d.rulePack().digest())
                .param("overall", d.overall().name())
                .param("request", requestJson)
                .param("body", stored.json())
                .update();
    }

    Optional<StoredDetermination> find(UUID id) {
        return jdbc.sql("select id, created_at, body_json from eligibility.determination where id = :id")
                .param("id", id)
                .query((rs, n) -> new StoredDetermination(
                        rs.getObject("id", UUID.class),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getString("body_json")))
                .optional();
    }

    /** The request a determination was made of, as it was sent. */
    Optional<String> request(UUID id) {
        return jdbc.sql("select request_json from eligibility.determination where id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    long count() {
        return jdbc.sql("select count(*) from eligibility.determination")
                .query(Long.class)
                .single();
    }
}
