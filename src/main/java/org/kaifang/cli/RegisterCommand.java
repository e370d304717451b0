package org.kaifang.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.kaifang.register.BulkData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kaifang register …}: the public register from the command line. */
@Command(
        name = "register",
        mixinStandardHelpOptions = true,
        description = "The public register's bulk data, written to files.",
        subcommands = {RegisterCommand.Export.class})
final class RegisterCommand {

    /**
     * {@code kaifang register export}: the full snapshot or a day's delta, CSV or JSON Lines, into a directory with its
     * manifest, as {@code /register/bulk} serves them: for publishing the files elsewhere (a CDN, a mirror) from a job.
     * Each file appears whole or not at all: it is written beside its final name and moved there when complete.
     */
    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = {
                "Write the register's full snapshot at the end of a day, or the delta of that day (the licences that"
                        + " changed on it, China time), as CSV or JSON Lines into DIR, with NAME.manifest.json beside it: schema version,"
                        + " rows, SHA-256, generation time, and whether the day is over (today's files are"
                        + " provisional).",
                "Uses the embedded database under --data unless KAIFANG_DB_URL names a PostgreSQL database; stop a"
                        + " server that uses the embedded database first.",
                "Exit codes: 0 written, 2 bad options (every problem listed), 3 the database could not be opened."
            })
    static final class Export implements Callable<Integer> {

        static final int BAD_INPUT = 2;

        @Option(
                names = "--kind",
                paramLabel = "KIND",
                description = "snapshot or delta (default: ${DEFAULT-VALUE}).",
                defaultValue = "snapshot")
        String kind = "snapshot";

        @Option(
                names = "--format",
                paramLabel = "FORMAT",
                description = "csv or jsonl (default: ${DEFAULT-VALUE}).",
                defaultValue = "csv")
        String format = "csv";

        @Option(
                names = "--date",
                paramLabel = "DATE",
                description = "YYYY-MM-DD: the day, China time: the snapshot as the register stood at its end, or"
                        + " the delta of its changes (default: yesterday, the latest day that is over; today's files"
                        + " are provisional).")
        @Nullable
        String date;

        @Option(
                names = "--out",
                paramLabel = "DIR",
                description = "Directory to write into, created if missing (default: ${DEFAULT-VALUE}).",
                defaultValue = ".")
        Path out = Path.of(".");

        @picocli.CommandLine.Mixin
        DataOption data = new DataOption();

        @Override
        public Integer call() throws IOException {
            var problems = new ArrayList<String>();
            var kind = choice(BulkData.Kind.class, "--kind", this.kind, problems);
            var format = choice(BulkData.Format.class, "--format", this.format, problems);
            LocalDate day = null;
            if (date != null) {
                try {
                    day = LocalDate.parse(date.strip());
                } catch (DateTimeParseException e) {
                    problems.add("--date: must be a date, YYYY-MM-DD, not '" + date + "'");
                }
            }
            if (Files.exists(out) && !Files.isDirectory(out)) {
                problems.add("--out: " + out + " is a file, not a directory");
            }
            if (!problems.isEmpty() || kind == null || format == null) {
                System.err.println("kaifang register export: " + problems.size() + " problem(s):");
                problems.forEach(p -> System.err.println("  " + p));
                return BAD_INPUT;
            }
            try (var context = InProcess.start(data.data)) {
                var bulk = context.getBean(BulkData.class);
                var today = bulk.today();
                // The latest day that is over: its files are complete and stay the same (the API defaults to today).
                var on = day != null ? day : today.minusDays(1);
                if (on.isAfter(today)) {
                    System.err.println("kaifang register export: 1 problem(s):");
                    System.err.println("  --date: " + on + " is after today in China (" + today + "): no changes yet");
                    return BAD_INPUT;
                }
                Files.createDirectories(out);
                var name = BulkData.fileName(kind, format, on);
                var manifest = written(out, name, stream -> bulk.write(kind, format, on, stream));
                written(out, name + ".manifest.json", stream -> {
                    stream.write(tools.jackson.databind.json.JsonMapper.builder()
                            .build()
                            .writerWithDefaultPrettyPrinter()
                            .writeValueAsBytes(BulkData.json(manifest)));
                    return manifest;
                });
                System.out.printf(
                        "%s: %,d rows, SHA-256 %s%s%n",
                        out.resolve(name),
                        manifest.rows(),
                        manifest.sha256(),
                        manifest.complete() ? "" : " (provisional: " + on + " is not over in China)");
                System.out.println(out.resolve(name + ".manifest.json"));
                return 0;
            } catch (RuntimeException e) {
                if (ListsCommand.locked(e)) {
                    return InProcess.inUse(data.data, "download the files from /register/bulk instead");
                }
                throw e;
            }
        }

        private interface Writing {
            BulkData.Manifest to(java.io.OutputStream stream) throws IOException;
        }

        /** Writes {@code name} in {@code dir} through a partial file moved into place once complete. */
        private static BulkData.Manifest written(Path dir, String name, Writing writing) throws IOException {
            var partial = dir.resolve("." + name + ".partial");
            try {
                BulkData.Manifest manifest;
                try (var stream = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                    manifest = writing.to(stream);
                }
                Files.move(
                        partial,
                        dir.resolve(name),
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
                return manifest;
            } finally {
                Files.deleteIfExists(partial);
            }
        }

        private static <E extends Enum<E>> @Nullable E choice(
                Class<E> type, String option, String value, java.util.List<String> problems) {
            try {
                return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                var allowed = java.util.Arrays.stream(type.getEnumConstants())
                        .map(c -> c.name().toLowerCase(Locale.ROOT))
                        .toList();
                problems.add(option + ": must be one of " + String.join(", ", allowed) + ", not '" + value + "'");
                return null;
            }
        }
    }
}
