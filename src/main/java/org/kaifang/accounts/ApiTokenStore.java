package org.kaifang.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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

    /**
     * What authenticating a request with a token needs, in one query: the token, its user with every role the user
     * holds now, and the user's organisation. Empty when no token has this secret or its user or organisation is gone.
     * Read on every API request and never cached, so that revoking a token, disabling its user or taking a role away
     * takes effect on the next request.
     */
    Optional<Credentials> credentials(String secretSha256) {
        var first = new ArrayList<Credentials>(1);
        var userRoles = EnumSet.noneOf(Role.class);
        jdbc.sql("""
                        select t.id, t.user_id, t.organisation_id, t.name, t.roles, t.created_at, t.expires_at,
                               t.revoked_at, t.last_used_at,
                               u.username, u.display_name, u.organisation_id as user_organisation_id, u.enabled,
                               o.name as organisation_name, o.english_name, o.kind, o.uscc,
                               r.role as user_role
                          from accounts.api_token t
                          join accounts.user_account u on u.id = t.user_id
                          join accounts.organisation o on o.id = u.organisation_id
                          left join accounts.user_role r on r.user_id = u.id
                         where t.secret_sha256 = :hash
                        """).param("hash", secretSha256).query(rs -> {
            // One row per role of the user (one row with a null role if none): the rest repeats.
            if (first.isEmpty()) {
                first.add(credentials(rs));
            }
            var role = rs.getString("user_role");
            if (role != null) {
                userRoles.add(Role.valueOf(role));
            }
        });
        return first.stream().findFirst().map(c -> {
            var u = c.user();
            return new Credentials(
                    c.token(),
                    new UserAccount(u.id(), u.username(), u.displayName(), u.organisation(), userRoles, u.enabled()),
                    c.organisation());
        });
    }

    /** A token with its user (and every role the user holds) and the user's organisation, as they are now. */
    record Credentials(ApiToken token, UserAccount user, Organisation organisation) {}

    /** The first row of {@link #credentials(String)}, the user's roles still to be added. */
    private static Credentials credentials(ResultSet rs) throws SQLException {
        var organisationId = new OrganisationId(rs.getObject("user_organisation_id", UUID.class));
        var uscc = rs.getString("uscc");
        return new Credentials(
                token(rs, 0),
                new UserAccount(
                        new UserId(rs.getObject("user_id", UUID.class)),
                        new Username(rs.getString("username")),
                        rs.getString("display_name"),
                        organisationId,
                        Set.of(),
                        rs.getBoolean("enabled")),
                new Organisation(
                        organisationId,
                        rs.getString("organisation_name"),
                        rs.getString("english_name"),
                        OrganisationKind.valueOf(rs.getString("kind")),
                        uscc == null ? null : new Uscc(uscc)));
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
