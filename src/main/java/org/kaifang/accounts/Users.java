package org.kaifang.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored users, their roles and their password hashes. */
@Repository
class Users {

    private static final String COLUMNS = "id, username, display_name, organisation_id, enabled";

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(UserAccount user, String passwordHash, Instant at) {
        jdbc.sql("""
                        insert into accounts.user_account
                          (id, username, display_name, organisation_id, password_hash, enabled, created_at)
                        values (:id, :username, :displayName, :organisation, :hash, :enabled, :createdAt)
                        """)
                .param("id", user.id().value())
                .param("username", user.username().value())
                .param("displayName", user.displayName())
                .param("organisation", user.organisation().value())
                .param("hash", passwordHash)
                .param("enabled", user.enabled())
                .param("createdAt", Timestamp.from(at))
                .update();
        for (var role : user.roles()) {
            jdbc.sql("insert into accounts.user_role (user_id, role) values (:id, :role)")
                    .param("id", user.id().value())
                    .param("role", role.name())
                    .update();
        }
    }

    Optional<UserAccount> find(UserId id) {
        return jdbc.sql("select " + COLUMNS + " from accounts.user_account where id = :id")
                .param("id", id.value())
                .query(Row.class)
                .optional()
                .map(this::account);
    }

    Optional<UserAccount> find(Username username) {
        return jdbc.sql("select " + COLUMNS + " from accounts.user_account where username = :username")
                .param("username", username.value())
                .query(Row.class)
                .optional()
                .map(this::account);
    }

    /** The users of {@code organisation} with their roles, by username, in one query. */
    List<UserAccount> members(OrganisationId organisation) {
        return withRoles(
                "where u.organisation_id = :organisation order by u.username",
                Map.of("organisation", organisation.value()));
    }

    /**
     * The users of regulator organisations who hold {@code role}, with all their roles, by organisation name and
     * username, in one query (instead of every organisation, then each regulator's members, then each member's roles).
     */
    List<UserAccount> regulatorStaff(Role role) {
        return withRoles("""
                join accounts.organisation o on o.id = u.organisation_id
                where o.kind = 'REGULATOR'
                  and exists (select 1 from accounts.user_role h where h.user_id = u.id and h.role = :role)
                order by o.name, u.username
                """, Map.of("role", role.name()));
    }

    /** Users read with their roles in one query: a row per role, grouped by user in the order first met. */
    private List<UserAccount> withRoles(String joinsWhereOrder, Map<String, ?> params) {
        var rows = new LinkedHashMap<UUID, Row>();
        var roles = new HashMap<UUID, Set<Role>>();
        jdbc.sql("select u.id, u.username, u.display_name, u.organisation_id, u.enabled, r.role"
                        + " from accounts.user_account u left join accounts.user_role r on r.user_id = u.id "
                        + joinsWhereOrder)
                .params(params)
                .query(rs -> {
                    var id = rs.getObject("id", UUID.class);
                    if (!rows.containsKey(id)) {
                        rows.put(
                                id,
                                new Row(
                                        id,
                                        rs.getString("username"),
                                        rs.getString("display_name"),
                                        rs.getObject("organisation_id", UUID.class),
                                        rs.getBoolean("enabled")));
                    }
                    var held = roles.computeIfAbsent(id, k -> EnumSet.noneOf(Role.class));
                    var role = rs.getString("role");
                    if (role != null) {
                        held.add(Role.valueOf(role));
                    }
                });
        return rows.values().stream()
                .map(row -> new UserAccount(
                        new UserId(row.id()),
                        new Username(row.username()),
                        row.displayName(),
                        new OrganisationId(row.organisationId()),
                        roles.get(row.id()),
                        row.enabled()))
                .toList();
    }

    /** The stored hash of {@code username}'s password, for signing in. */
    Optional<String> passwordHash(Username username) {
        return jdbc.sql("select password_hash from accounts.user_account where username = :username")
                .param("username", username.value())
                .query(String.class)
                .optional();
    }

    void changePasswordHash(Username username, String passwordHash) {
        jdbc.sql("update accounts.user_account set password_hash = :hash where username = :username")
                .param("hash", passwordHash)
                .param("username", username.value())
                .update();
    }

    private UserAccount account(Row row) {
        return new UserAccount(
                new UserId(row.id()),
                new Username(row.username()),
                row.displayName(),
                new OrganisationId(row.organisationId()),
                roles(row.id()),
                row.enabled());
    }

    private Set<Role> roles(UUID user) {
        var roles = EnumSet.noneOf(Role.class);
        jdbc.sql("select role from accounts.user_role where user_id = :id")
                .param("id", user)
                .query(String.class)
                .list()
                .forEach(r -> roles.add(Role.valueOf(r)));
        return roles;
    }

    /** A row of {@code accounts.user_account}, as JdbcClient maps it by column name. */
    record Row(UUID id, String username, String displayName, UUID organisationId, boolean enabled) {}
}
