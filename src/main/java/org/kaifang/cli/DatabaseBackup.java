package org.kaifang.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Copies the whole database to a file and back: H2 with its own {@code SCRIPT TO} and {@code RUNSCRIPT FROM} (a SQL
 * script, readable), PostgreSQL with {@code pg_dump --format=custom} and {@code pg_restore}, found in
 * {@code KAIFANG_PG_BIN} or on the {@code PATH}, whose major version must be at least the server's (an older pg_dump
 * refuses a newer server). A restore replaces everything, the Flyway history included, so the restored database is
 * exactly the one backed up, and the server migrates it on its next start if it is newer.
 */
final class DatabaseBackup {

    /** A backup or restore that could not be done, with the reason for the operator. */
    static final class Failed extends Exception {
        Failed(String message) {
            super(message);
        }
    }

    private final DataSource dataSource;
    private final String url;
    private final String user;
    private final String password;
    private final @Nullable String pgBin;

    DatabaseBackup(DataSource dataSource, String url, String user, String password, @Nullable String pgBin) {
        this.dataSource = dataSource;
        this.url = url;
        this.user = user;
        this.password = password;
        this.pgBin = pgBin == null || pgBin.isBlank() ? null : pgBin;
    }

    boolean postgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    void backup(Path file) throws Failed {
        if (postgres()) {
            checkPgVersion("pg_dump");
            run(List.of(tool("pg_dump"), "--format=custom", "--no-owner", "--file=" + file, "--dbname=" + libpqUrl()));
        } else {
            execute("script to '" + quoted(file) + "'");
        }
    }

    void restore(Path file) throws Failed {
        if (!Files.isRegularFile(file)) {
            throw new Failed("No backup file at " + file);
        }
        if (postgres()) {
            // pg_restore runs in one transaction, but after the schemas were dropped in another: if it fails, the
            // database is left empty, and the message says so.
            checkPgVersion("pg_restore");
            // A file pg_restore cannot read is refused before anything is dropped.
            run(List.of(tool("pg_restore"), "--list", file.toString()));
            dropSchemas();
            try {
                run(List.of(
                        tool("pg_restore"),
                        "--no-owner",
                        "--single-transaction",
                        "--exit-on-error",
                        "--dbname=" + libpqUrl(),
                        file.toString()));
            } catch (Failed e) {
                throw new Failed(e.getMessage() + "\nThe database is now empty: restore a good backup before starting"
                        + " the server.");
            }
        } else {
            if (!isH2Script(file)) {
                throw new Failed(file + " is no H2 backup script written by kaifang backup");
            }
            // One connection and one transaction: a failing script leaves the database as it was.
            try (var connection = dataSource.getConnection();
                    var statement = connection.createStatement()) {
                statement.execute("drop all objects");
                statement.execute("runscript from '" + quoted(file) + "'");
            } catch (SQLException e) {
                throw new Failed("The H2 restore failed: " + AccountsCommands.rootMessage(e));
            }
        }
    }

    /** Removes every schema of Kaifang's, so that pg_restore recreates them as they were backed up. */
    private void dropSchemas() throws Failed {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            var schemas = new ArrayList<String>();
            try (var rs = statement.executeQuery(
                    "select nspname from pg_namespace where nspname not like 'pg\\_%' and nspname <> 'information_schema'")) {
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
            }
            for (var schema : schemas) {
                statement.execute("drop schema \"" + schema.replace("\"", "\"\"") + "\" cascade");
            }
            // pg_dump leaves out the public schema every new database has; pg_restore expects it.
            statement.execute("create schema public");
            connection.commit();
        } catch (SQLException e) {
            throw new Failed("Cannot empty the database before restoring: " + AccountsCommands.rootMessage(e));
        }
    }

    private void execute(String sql) throws Failed {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new Failed("The H2 backup failed: " + AccountsCommands.rootMessage(e));
        }
    }

    private static boolean isH2Script(Path file) throws Failed {
        try (var in = Files.newInputStream(file)) {
            var start = new String(in.readNBytes(200), StandardCharsets.UTF_8);
            return start.startsWith("-- H2 ") || start.startsWith("CREATE USER") || start.startsWith("SET DB_CLOSE");
        } catch (IOException e) {
            throw new Failed("Cannot read " + file + ": " + e.getMessage());
        }
    }

    private static String quoted(Path file) {
        return file.toAbsolutePath().toString().replace("'", "''");
    }

    private String tool(String name) {
        return pgBin == null ? name : Path.of(pgBin, name).toString();
    }

    /** The pg tool's major version must be at least the server's: an older pg_dump cannot read a newer server. */
    private void checkPgVersion(String name) throws Failed {
        var tool = toolMajor(tool(name));
        int server;
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rs = statement.executeQuery("show server_version_num")) {
            rs.next();
            server = Integer.parseInt(rs.getString(1).strip()) / 10000;
        } catch (SQLException | NumberFormatException e) {
            throw new Failed("Cannot ask PostgreSQL for its version: " + e.getMessage());
        }
        if (tool < server) {
            throw new Failed(
                    name + " is PostgreSQL " + tool + ", the server is " + server + ": install the client of version "
                            + server + " or newer and name its directory in KAIFANG_PG_BIN");
        }
    }

    /** The major version of a pg tool, e.g. 15 from "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)". */
    static int toolMajor(String tool) throws Failed {
        var out = new StringBuilder();
        int exit;
        try {
            var process = new ProcessBuilder(tool, "--version")
                    .redirectErrorStream(true)
                    .start();
            out.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new Failed(tool + " --version did not answer");
            }
            exit = process.exitValue();
        } catch (IOException e) {
            throw new Failed(tool + " is not installed (or not on the PATH; name its directory in KAIFANG_PG_BIN)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("Interrupted");
        }
        var matcher = java.util.regex.Pattern.compile("\\(PostgreSQL\\) (\\d+)").matcher(out);
        if (exit != 0 || !matcher.find()) {
            throw new Failed(tool + " --version said: " + out.toString().strip());
        }
        return Integer.parseInt(matcher.group(1));
    }

    private void run(List<String> command) throws Failed {
        try {
            var builder = new ProcessBuilder(command).redirectErrorStream(true);
            Map<String, String> environment = builder.environment();
            // The password goes by the environment, never on the command line where ps would show it.
            environment.put("PGPASSWORD", password);
            var process = builder.start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            var exit = process.waitFor();
            if (exit != 0) {
                throw new Failed(command.getFirst() + " failed (exit " + exit + "): " + output.strip());
            }
        } catch (IOException e) {
            throw new Failed("Cannot run " + command.getFirst() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("Interrupted");
        }
    }

    /** The JDBC URL as libpq reads it: jdbc:postgresql://host:port/db?… becomes postgresql://user@host:port/db. */
    String libpqUrl() throws Failed {
        try {
            var uri = URI.create(url.substring("jdbc:".length()));
            var host = uri.getHost() == null ? "localhost" : uri.getHost();
            var port = uri.getPort() < 0 ? 5432 : uri.getPort();
            var database = uri.getPath() == null || uri.getPath().length() <= 1
                    ? user
                    : uri.getPath().substring(1);
            return "postgresql://" + encode(user) + "@" + host + ":" + port + "/" + encode(database);
        } catch (IllegalArgumentException e) {
            throw new Failed("Cannot read the database URL " + url + ": " + e.getMessage());
        }
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
