package org.kaifang.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kaifang backup FILE} and {@code kaifang restore FILE}: the whole database to a file and back. */
final class BackupCommand {

    private static final String DATABASE = "Uses the embedded database under --data unless KAIFANG_DB_URL names a"
            + " PostgreSQL database; stop a server that uses the embedded database first. PostgreSQL needs pg_dump and"
            + " pg_restore of the server's major version or newer, on the PATH or in KAIFANG_PG_BIN.";

    /** Exit code when the backup or restore could not be done. */
    static final int FAILED = 1;

    private BackupCommand() {}

    /** The options both commands take. */
    static class Common {
        @Parameters(index = "0", paramLabel = "FILE", description = "The backup file.")
        Path file = Path.of("kaifang.backup");

        @picocli.CommandLine.Mixin
        DataOption data = new DataOption();

        int withDatabase(Action action) {
            ConfigurableApplicationContext context;
            try {
                context = DatabaseContext.open(data.data);
            } catch (RuntimeException e) {
                System.err.println("Cannot open the database: " + AccountsCommands.rootMessage(e));
                return FAILED;
            }
            try (context) {
                var environment = context.getEnvironment();
                var backup = new DatabaseBackup(
                        context.getBean(DataSource.class),
                        environment.getProperty("spring.datasource.url", ""),
                        environment.getProperty("spring.datasource.username", ""),
                        environment.getProperty("spring.datasource.password", ""),
                        environment.getProperty("KAIFANG_PG_BIN"));
                return action.run(backup);
            } catch (DatabaseBackup.Failed e) {
                System.err.println(e.getMessage());
                return FAILED;
            } catch (java.io.IOException e) {
                System.err.println("Cannot read " + file + ": " + e.getMessage());
                return FAILED;
            }
        }
    }

    interface Action {
        int run(DatabaseBackup backup) throws DatabaseBackup.Failed, java.io.IOException;
    }

    @Command(
            name = "backup",
            mixinStandardHelpOptions = true,
            description = {
                "Write the whole database to FILE: an H2 SQL script for the embedded database, a pg_dump custom-format"
                        + " archive for PostgreSQL. An existing FILE is not overwritten.",
                DATABASE,
                "Exit codes: 0 written, 1 failed, 2 invalid input."
            })
    static final class Backup extends Common implements Callable<Integer> {

        @Override
        public Integer call() {
            if (Files.exists(file)) {
                System.err.println(file + " exists already: name a new file, so that no backup is overwritten");
                return KaifangCli.INVALID_INPUT;
            }
            var parent = file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                System.err.println("No directory " + parent + " to write the backup in");
                return KaifangCli.INVALID_INPUT;
            }
            return withDatabase(backup -> {
                backup.backup(file);
                System.out.printf(
                        "Backed up the %s database to %s (%d bytes)%n",
                        backup.postgres() ? "PostgreSQL" : "embedded H2", file, Files.size(file));
                return 0;
            });
        }
    }

    @Command(
            name = "restore",
            mixinStandardHelpOptions = true,
            description = {
                "Replace the whole database with the backup in FILE (written by kaifang backup), the audit trail and the"
                        + " schema history included. What the database held before is lost: back it up first.",
                DATABASE,
                "Exit codes: 0 restored, 1 failed, 2 invalid input."
            })
    static final class Restore extends Common implements Callable<Integer> {

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file)) {
                System.err.println("No backup file at " + file);
                return KaifangCli.INVALID_INPUT;
            }
            return withDatabase(backup -> {
                backup.restore(file);
                System.out.printf(
                        "Restored the %s database from %s; run kaifang audit verify to check its audit trail%n",
                        backup.postgres() ? "PostgreSQL" : "embedded H2", file);
                return 0;
            });
        }
    }
}
