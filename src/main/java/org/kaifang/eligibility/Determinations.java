package org.kaifang.eligibility;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only store of determinations. There is deliberately no update and no delete. */
@Repository
class Determinations {

    private final JdbcClient jdbc;

    Determinations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(StoredDetermination stored, Determination d, String requestJson) {
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

    long count() {
        return jdbc.sql("select count(*) from eligibility.determination")
                .query(Long.class)
                .single();
    }
}
