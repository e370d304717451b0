package org.kaifang.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored API tokens: their metadata and the SHA-256 of each secret, never the secret. */
@Repository
class ApiTokenStore {

    private static final String COLUMNS =
            "id, user_id, organisation_id, name, roles, created_at, expires_at, revoked_at, last_used_at";

    private final JdbcClient jdbc;

    ApiTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(ApiToken token, String secretSha256) {
        jdbc.sql("""
                        insert into accounts.api_token
                          (id, user_id, organisation_id, name, secret_sha256, roles, created_at, expires_at)
                        values (:id, :user, :organisation, :name, :hash, :roles, :createdAt, :expiresAt)
                        """)
                .param("id", token.id().value())
                .param("user", token.user().value())
                .param("organisation", token.organisation().value())
                .param("name", token.name())
                .param("hash", secretSha256)
                .param("roles", token.roles().stream().sorted().map(Role::name).collect(Collectors.joining(",")))
                .param("createdAt", Timestamp.from(token.createdAt()))
                .param("expiresAt", Timestamp.from(token.expiresAt()))
                .update();
    }

    Optional<ApiToken> withSecret(String secretSha256) {
        return jdbc.sql("select " + COLUMNS + " from accounts.api_token where secret_sha256 = :hash")
                .param("hash", secretSha256)
                .query(ApiTokenStore::token)
                .optional();
    }

    Optional<ApiToken> find(ApiTokenId id) {
        return jdbc.sql("select " + COLUMNS + " from accounts.api_token where id = :id")
                .param("id", id.value())
                .query(ApiTokenStore::token)
                .optional();
    }

    /** The user's tokens, newest first. */
    List<ApiToken> of(UserId user) {
        return jdbc.sql("select " + COLUMNS + " from accounts.api_token where user_id = :user"
                        + " order by created_at desc, name")
                .param("user", user.value())
                .query(ApiTokenStore::token)
                .list();
    }

    boolean named(UserId user, String name) {
        return jdbc.sql("select count(*) from accounts.api_token where user_id = :user and name = :name")
                        .param("user", user.value())
                        .param("name", name)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Revokes the token if it is not revoked yet; whether it was. */
    boolean revoke(ApiTokenId id, Instant at) {
        return jdbc.sql("update accounts.api_token set revoked_at = :at where id = :id and revoked_at is null")
                        .param("at", Timestamp.from(at))
                        .param("id", id.value())
                        .update()
                > 0;
    }

    void used(ApiTokenId id, Instant at) {
        jdbc.sql("update accounts.api_token set last_used_at = :at where id = :id")
                .param("at", Timestamp.from(at))
                .param("id", id.value())
                .update();
    }

    private static ApiToken token(ResultSet rs, int row) throws SQLException {
        return new ApiToken(
                new ApiTokenId(rs.getObject("id", UUID.class)),
                new UserId(rs.getObject("user_id", UUID.class)),
                new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                rs.getString("name"),
                roles(rs.getString("roles")),
                instant(rs, "created_at"),
                instant(rs, "expires_at"),
                nullableInstant(rs, "revoked_at"),
                nullableInstant(rs, "last_used_at"));
    }

    private static Set<Role> roles(String text) {
        var roles = EnumSet.noneOf(Role.class);
        Arrays.stream(text.split(","))
                .filter(s -> !s.isBlank())
                .map(Role::valueOf)
                .forEach(roles::add);
        return roles;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
