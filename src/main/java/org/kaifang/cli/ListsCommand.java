package org.kaifang.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.kaifang.screening.ImportTooLarge;
import org.kaifang.screening.ListFormat;
import org.kaifang.screening.ListImport;
import org.kaifang.screening.ListImportProblem;
import org.kaifang.screening.ListImports;
import org.kaifang.screening.ListVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kaifang lists}: import restricted-party list files into the configured database as new versions, and show
 * the versions stored. Both start the application without its web server, against the same database as
 * {@code kaifang serve} (embedded H2 under {@code --data}, or PostgreSQL when {@code KAIFANG_DB_URL} is set).
 */
@Command(
        name = "lists",
        description = "Restricted-party lists: import a file as a new version, show the stored versions.",
        subcommands = {ListsCommand.Import.class, ListsCommand.Show.class})
final class ListsCommand implements Runnable {

    /** Exit code when the database cannot be used, e.g. the embedded one is held by a running server. */
    static final int DATABASE_UNAVAILABLE = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "import",
            description = {
                "Import FILE as a new version of a list; importing the same bytes again changes nothing.",
                "Exit codes: 0 imported, 2 invalid file or options (every problem listed), 3 database unavailable."
            })
    static final class Import implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "The list file.")
        Path file = Path.of("");

        @Option(
                names = "--format",
                required = true,
                paramLabel = "FORMAT",
                description = "opensanctions-csv (OpenSanctions cn_sanctions CSV) or ftm (FollowTheMoney JSON lines).")
        String format = "";

        @Option(
                names = "--list-id",
                paramLabel = "ID",
                description = "The list to import into (default: opensanctions-cn for CSV, ftm for FtM).")
        @Nullable
        String listId;

        @CommandLine.Mixin
        DataOption data = new DataOption();

        @Override
        public Integer call() {
            var chosen = ListFormat.named(format);
            if (chosen.isEmpty()) {
                System.err.println("--format must be opensanctions-csv or ftm, not '" + format + "'");
                return KaifangCli.INVALID_INPUT;
            }
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                System.err.println("No such file: " + file);
                return KaifangCli.INVALID_INPUT;
            } catch (IOException e) {
                System.err.println("Cannot read " + file + ": " + e.getMessage());
                return KaifangCli.INVALID_INPUT;
            } catch (OutOfMemoryError e) {
                System.err.println(file + " is too large to read");
                return KaifangCli.INVALID_INPUT;
            }
            var name = file.getFileName() == null ? null : file.getFileName().toString();
            return withImports(data.data, imports -> {
                try {
                    var done = imports.add(content, chosen.get(), listId, name);
                    var v = done.version();
                    System.out.println(
                            switch (done) {
                                case ListImport.Added added -> "Imported " + describe(v);
                                case ListImport.Unchanged unchanged ->
                                    "Already imported, as " + describe(v) + "; it is the current version again";
                            });
                    v.warnings().forEach(w -> System.out.println("  warning: " + w));
                    if (v.warningCount() > v.warnings().size()) {
                        System.out.println(
                                "  … and " + (v.warningCount() - v.warnings().size()) + " more warnings");
                    }
                    return 0;
                } catch (ListImportProblem e) {
                    System.err.println(file + " was not imported: " + e.count() + " problem(s)");
                    e.problems().forEach(p -> System.err.println("  " + p.describe()));
                    if (e.count() > e.problems().size()) {
                        System.err.println(
                                "  … and " + (e.count() - e.problems().size()) + " more");
                    }
                    return KaifangCli.INVALID_INPUT;
                } catch (ImportTooLarge e) {
                    System.err.println(file + " was not imported: " + e.getMessage());
                    return KaifangCli.INVALID_INPUT;
                }
            });
        }
    }

    @Command(name = "show", description = "Show every stored list version; * marks the current one of each list.")
    static final class Show implements Callable<Integer> {

        @CommandLine.Mixin
        DataOption data = new DataOption();

        @Override
        public Integer call() {
            return withImports(data.data, imports -> {
                var versions = imports.versions();
                if (versions.isEmpty()) {
                    System.out.println("No imported lists: screening uses the built-in lists only.");
                    return 0;
                }
                System.out.printf(
                        Locale.ROOT,
                        "  %-20s %-14s %-19s %9s %8s  %s%n",
                        "LIST",
                        "VERSION",
                        "FORMAT",
                        "ENTRIES",
                        "WARNINGS",
                        "DIGEST");
                for (var v : versions) {
                    var current = versions.stream()
                            .filter(o -> o.ref().id().equals(v.ref().id()))
                            .max(java.util.Comparator.comparing(ListVersion::currentSince))
                            .orElseThrow()
                            .equals(v);
                    System.out.printf(
                            Locale.ROOT,
                            "%s %-20s %-14s %-19s %9d %8d  %s%n",
                            current ? "*" : " ",
                            v.ref().id(),
                            v.ref().version(),
                            v.format().id(),
                            v.entries(),
                            v.warningCount(),
                            v.ref().digest());
                }
                return 0;
            });
        }
    }

    static String describe(ListVersion v) {
        return v.ref().id() + " " + v.ref().version() + " (" + v.ref().digest() + "): " + v.entries() + " entries, "
                + v.warningCount() + " warning" + (v.warningCount() == 1 ? "" : "s") + ", from " + v.fileName();
    }

    /**
     * Runs {@code work} with the list imports of an application started without a web server on the configured
     * database; explains when that database cannot be opened.
     */
    static int withImports(Path data, Function<ListImports, Integer> work) {
        try (var context = InProcess.start(data)) {
            return work.apply(context.getBean(ListImports.class));
        } catch (RuntimeException e) {
            if (locked(e)) {
                System.err.println(
                        "The embedded database under " + data.toAbsolutePath().normalize()
                                + " is in use by a running Kaifang server, which holds it alone.");
                System.err.println("Upload the file to that server instead, for example:");
                System.err.println("  curl -F file=@FILE -F format=opensanctions-csv"
                        + " http://localhost:8080/api/v1/screening/lists (with your login)");
                System.err.println("or stop the server and run this command again.");
                return DATABASE_UNAVAILABLE;
            }
            var cause = root(e);
            if (cause instanceof SQLException) {
                System.err.println("Cannot use the database: " + cause.getMessage());
                return DATABASE_UNAVAILABLE;
            }
            throw e;
        }
    }

    /** Whether {@code e} says that H2 found its database file locked by another process (error 90020). */
    static boolean locked(Throwable e) {
        for (var t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && (sql.getErrorCode() == 90020
                            || String.valueOf(sql.getMessage()).contains("Database may be already in use"))) {
                return true;
            }
        }
        return false;
    }

    private static Throwable root(Throwable e) {
        var t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
