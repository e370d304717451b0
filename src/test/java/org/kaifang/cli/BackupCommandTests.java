package org.kaifang.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaifang.testing.Databases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code kaifang backup} and {@code kaifang restore}: a round trip gives back every table exactly (row counts and a
 * digest of every row), on the embedded H2 database through the command line, and on PostgreSQL through pg_dump and
 * pg_restore where a client of the server's major version is installed (the system PostgreSQL of .ci/run).
 */
class BackupCommandTests {

    @TempDir
    Path data;

    @TempDir
    Path backups;

    @Test
    void aRoundTripOnH2GivesBackEveryTableExactly() {
        assertThat(KaifangCliTests.run(
                                "organisations",
                                "add",
                                "--name",
                                "上海市通信管理局",
                                "--kind",
                                "REGULATOR",
                                "--data",
                                data.toString())
                        .exit())
                .isZero();
        addUser("zhang.wei", "admin,case-officer");
        assertThat(KaifangCliTests.run(
                                "tokens",
                                "create",
                                "--username",
                                "zhang.wei",
                                "--name",
                                "robot",
                                "--role",
                                "ADMIN",
                                "--data",
                                data.toString())
                        .exit())
                .isZero();
        var before = digests(h2());
        assertThat(before).containsKeys("ACCOUNTS.ORGANISATION", "ACCOUNTS.USER_ACCOUNT", "ACCOUNTS.API_TOKEN");
        assertThat(before.get("ACCOUNTS.USER_ROLE")).startsWith("2 rows");

        var file = backups.resolve("kaifang.sql");
        var backedUp = KaifangCliTests.run("backup", file.toString(), "--data", data.toString());
        assertThat(backedUp.exit()).as(backedUp.err()).isZero();
        assertThat(backedUp.out()).startsWith("Backed up the embedded H2 database to " + file);

        // Changes after the backup, which the restore must undo.
        addUser("li.ming", "approver");
        JdbcClient.create(h2()).sql("delete from accounts.api_token").update();
        assertThat(digests(h2())).isNotEqualTo(before);

        var restored = KaifangCliTests.run("restore", file.toString(), "--data", data.toString());

        assertThat(restored.exit()).as(restored.err()).isZero();
        assertThat(digests(h2())).isEqualTo(before);
        var listed = KaifangCliTests.run("users", "list", "--data", data.toString());
        assertThat(listed.out()).contains("zhang.wei").doesNotContain("li.ming");
    }

    @Test
    void refusesToOverwriteABackupOrToRestoreWhatIsNone() throws Exception {
        var existing = Files.writeString(backups.resolve("old.sql"), "-- H2 something");
        var overwrite = KaifangCliTests.run("backup", existing.toString(), "--data", data.toString());
        assertThat(overwrite.exit()).isEqualTo(2);
        assertThat(overwrite.err()).contains("exists already");
        assertThat(Files.readString(existing)).isEqualTo("-- H2 something");

        var missing = KaifangCliTests.run("restore", backups.resolve("none.sql").toString(), "--data", data.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("No backup file at");

        KaifangCliTests.run(
                "organisations", "add", "--name", "Kept Co", "--kind", "COMPANY", "--data", data.toString());
        var notABackup = Files.writeString(backups.resolve("notes.txt"), "drop table accounts.organisation;");
        var refused = KaifangCliTests.run("restore", notABackup.toString(), "--data", data.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("is no H2 backup script written by kaifang backup");
        assertThat(KaifangCliTests.run("users", "list", "--data", data.toString())
                        .out())
                .as("nothing was dropped")
                .contains("Kept Co");
    }

    @Test
    void aRoundTripOnPostgresThroughPgDumpAndPgRestore() throws Exception {
        var database = Databases.systemPostgres();
        var reason = "";
        if (database == null) {
            reason = "SYSTEM_PG_URL is not set (.ci/run sets it), and the embedded PostgreSQL 17 ships no pg_dump";
        } else {
            try {
                var tool = DatabaseBackup.toolMajor("pg_dump");
                var server = JdbcClient.create(database.dataSource())
                                .sql("show server_version_num")
                                .query(Integer.class)
                                .single()
                        / 10000;
                if (tool < server) {
                    reason = "pg_dump is PostgreSQL " + tool + " and the server " + server;
                }
            } catch (DatabaseBackup.Failed e) {
                reason = e.getMessage();
            }
        }
        if (!reason.isEmpty()) {
            System.out.println("SKIPPED the PostgreSQL backup round trip: " + reason);
        }
        assumeTrue(reason.isEmpty(), "PostgreSQL backup round trip not run: " + reason);

        var jdbc = JdbcClient.create(database.dataSource());
        var organisation = UUID.randomUUID();
        jdbc.sql("insert into accounts.organisation (id, name, kind, created_at) values (:id, '上海市通信管理局', 'REGULATOR',"
                        + " timestamp with time zone '2025-03-03 09:30:00+08')")
                .param("id", organisation)
                .update();
        jdbc.sql(
                        "insert into accounts.user_account (id, username, display_name, organisation_id, password_hash, enabled,"
                                + " created_at) values (:id, 'zhang.wei', '张伟', :organisation, '{bcrypt}$2a$10$x', true,"
                                + " current_timestamp)")
                .param("id", UUID.randomUUID())
                .param("organisation", organisation)
                .update();
        var before = digests(database.dataSource());
        var backup =
                new DatabaseBackup(database.dataSource(), database.url(), database.user(), database.password(), null);
        var file = backups.resolve("kaifang.pgdump");

        backup.backup(file);
        jdbc.sql("delete from accounts.user_account").update();
        jdbc.sql("create table public.stray (x int)").update();
        backup.restore(file);

        assertThat(digests(database.dataSource())).isEqualTo(before);
        assertThat(Files.readAllBytes(file)).startsWith("PGDMP".getBytes(StandardCharsets.US_ASCII));
    }

    private void addUser(String username, String roles) {
        var original = System.in;
        System.setIn(new ByteArrayInputStream("a long enough password\n".getBytes(StandardCharsets.UTF_8)));
        try {
            var added = KaifangCliTests.run(
                    "users",
                    "add",
                    "--org",
                    "上海市通信管理局",
                    "--username",
                    username,
                    "--name",
                    username,
                    "--role",
                    roles,
                    "--password-stdin",
                    "--data",
                    data.toString());
            assertThat(added.exit()).as(added.err()).isZero();
        } finally {
            System.setIn(original);
        }
    }

    private DataSource h2() {
        return new DriverManagerDataSource("jdbc:h2:file:" + data.toAbsolutePath() + "/kaifang", "sa", "");
    }

    /**
     * Every table of the database (system catalogues aside): its row count and the SHA-256 of its rows, each row
     * written out column by column and the rows sorted, so that the order rows come back in does not matter.
     */
    static Map<String, String> digests(DataSource dataSource) {
        var result = new TreeMap<String, String>();
        try (var connection = dataSource.getConnection()) {
            var tables = new ArrayList<String[]>();
            try (var rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    var schema = rs.getString("TABLE_SCHEM");
                    if (schema == null
                            || schema.equalsIgnoreCase("INFORMATION_SCHEMA")
                            || schema.toLowerCase().startsWith("pg_")) {
                        continue;
                    }
                    tables.add(new String[] {schema, rs.getString("TABLE_NAME")});
                }
            }
            for (var table : tables) {
                var rows = new ArrayList<String>();
                try (var statement = connection.createStatement();
                        var rs = statement.executeQuery("select * from \"" + table[0] + "\".\"" + table[1] + "\"")) {
                    var columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        var row = new StringBuilder();
                        for (int c = 1; c <= columns; c++) {
                            var value = rs.getObject(c);
                            row.append(
                                            value instanceof byte[] bytes
                                                    ? HexFormat.of().formatHex(bytes)
                                                    : String.valueOf(value))
                                    .append('\u0001');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                var digest = MessageDigest.getInstance("SHA-256");
                rows.forEach(r -> digest.update(r.getBytes(StandardCharsets.UTF_8)));
                result.put(
                        (table[0] + "." + table[1]).toUpperCase(),
                        rows.size() + " rows " + HexFormat.of().formatHex(digest.digest()));
            }
        } catch (SQLException | java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        return result;
    }
}
