package org.kaifang.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
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

    List<UserAccount> members(OrganisationId organisation) {
        return jdbc
                .sql("select " + COLUMNS + " from accounts.user_account where organisation_id = :organisation"
                        + " order by username")
                .param("organisation", organisation.value())
                .query(Row.class)
                .list()
                .stream()
                .map(this::account)
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
