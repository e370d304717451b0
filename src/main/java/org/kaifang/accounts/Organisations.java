package org.kaifang.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored organisations. */
@Repository
class Organisations {

    private static final String COLUMNS = "id, name, english_name, kind, uscc";

    private final JdbcClient jdbc;

    Organisations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Organisation organisation, Instant at) {
        jdbc.sql("""
                        insert into accounts.organisation (id, name, english_name, kind, uscc, created_at)
                        values (:id, :name, :englishName, :kind, :uscc, :createdAt)
                        """)
                .param("id", organisation.id().value())
                .param("name", organisation.name())
                .param("englishName", organisation.englishName())
                .param("kind", organisation.kind().name())
                .param(
                        "uscc",
                        organisation.uscc() == null ? null : organisation.uscc().value())
                .param("createdAt", Timestamp.from(at))
                .update();
    }

    Optional<Organisation> find(OrganisationId id) {
        return jdbc.sql("select " + COLUMNS + " from accounts.organisation where id = :id")
                .param("id", id.value())
                .query(Organisations::row)
                .optional();
    }

    Optional<Organisation> named(String name) {
        return jdbc.sql("select " + COLUMNS + " from accounts.organisation where name = :name")
                .param("name", name)
                .query(Organisations::row)
                .optional();
    }

    boolean hasUscc(Uscc uscc) {
        return jdbc.sql("select count(*) from accounts.organisation where uscc = :uscc")
                        .param("uscc", uscc.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<Organisation> all() {
        return jdbc.sql("select " + COLUMNS + " from accounts.organisation order by kind desc, name")
                .query(Organisations::row)
                .list();
    }

    static Organisation row(ResultSet rs, int n) throws SQLException {
        var uscc = rs.getString("uscc");
        return new Organisation(
                new OrganisationId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                rs.getString("english_name"),
                OrganisationKind.valueOf(rs.getString("kind")),
                uscc == null ? null : new Uscc(uscc));
    }
}
