package org.kaifang.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calendar in use: the built-in years, overlaid by the years imported into a directory (one holiday-cn JSON file
 * per year, {@code YYYY.json}). An imported year replaces the built-in one for that year. The directory is read when
 * the store is created and again whenever its files change, so a running server picks up a year that
 * {@code kaifang calendar import} adds; a defective file there stops start-up, and later keeps the last good calendar
 * in use (and is logged).
 */
public final class CalendarStore {

    private static final Logger log = LoggerFactory.getLogger(CalendarStore.class);

    /** How often, at most, the directory is looked at again. */
    private static final long RECHECK_NANOS = 2_000_000_000L;

    private final Path directory;
    private volatile Snapshot snapshot;
    private volatile long checkedAt = System.nanoTime();

    private record Snapshot(String stamp, WorkingDayCalendar calendar) {}

    /**
     * Opens the store and reads the directory (which need not exist yet).
     *
     * @throws InvalidCalendarFile when a file in the directory is defective
     */
    public CalendarStore(Path directory) {
        this.directory = directory;
        this.snapshot = read(stamp());
    }

    /** The directory imported years are kept in. */
    public Path directory() {
        return directory;
    }

    /**
     * The calendar: built-in years plus the imported ones, as the directory holds them (looked at again at most every
     * two seconds).
     */
    public WorkingDayCalendar calendar() {
        var current = snapshot;
        if (System.nanoTime() - checkedAt < RECHECK_NANOS) {
            return current.calendar();
        }
        checkedAt = System.nanoTime();
        var stamp = stamp();
        if (stamp.equals(current.stamp())) {
            return current.calendar();
        }
        synchronized (this) {
            if (!stamp.equals(snapshot.stamp())) {
                try {
                    snapshot = read(stamp);
                } catch (InvalidCalendarFile e) {
                    log.error(
                            "Calendar directory {} has a defective file; the last good calendar stays in use: {}",
                            directory,
                            e.getMessage());
                    snapshot = new Snapshot(stamp, snapshot.calendar());
                }
            }
            return snapshot.calendar();
        }
    }

    /**
     * Checks a holiday-cn JSON file and stores it as the directory's {@code YYYY.json}, replacing an earlier import of
     * the same year.
     *
     * @param source the file's name, for problem locations
     * @return the year imported, and whether it replaced an earlier import
     * @throws InvalidCalendarFile listing every problem; nothing is stored then
     */
    public Imported importYear(String source, String json) {
        var year = HolidayCnJson.read(source, json);
        var merged = new ArrayList<>(snapshot.calendar().years());
        merged.add(year);
        WorkingDayCalendar.of(merged);
        try {
            Files.createDirectories(directory);
            var target = directory.resolve(year.year() + ".json");
            var replaced = Files.exists(target);
            var temporary = Files.createTempFile(directory, ".import-", ".tmp");
            Files.writeString(temporary, json, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            snapshot = read(stamp());
            return new Imported(year, target, replaced);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the imported year in " + directory, e);
        }
    }

    /** The result of an import: the year read, the file it is kept in, whether it replaced an earlier import. */
    public record Imported(CalendarYear year, Path file, boolean replaced) {}

    private Snapshot read(String stamp) {
        var years = new ArrayList<>(BuiltInYears.load());
        var problems = new ArrayList<InvalidCalendarFile.Problem>();
        for (var file : files()) {
            try {
                var year = HolidayCnJson.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
                var expected = file.getFileName().toString().replace(".json", "");
                if (!expected.equals(Integer.toString(year.year()))) {
                    problems.add(new InvalidCalendarFile.Problem(
                            file + "#/year", "is " + year.year() + " but the file is named " + file.getFileName()));
                }
                years.add(year);
            } catch (InvalidCalendarFile e) {
                problems.addAll(e.problems());
            } catch (IOException e) {
                problems.add(new InvalidCalendarFile.Problem(file.toString(), "cannot read: " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCalendarFile(problems);
        }
        return new Snapshot(stamp, WorkingDayCalendar.of(years));
    }

    private List<Path> files() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(p -> p.getFileName().toString().matches("\\d{4}\\.json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names, sizes and modification times of the directory's year files: changes when an import lands. */
    private String stamp() {
        var out = new StringBuilder();
        for (var file : files()) {
            out.append(file.getFileName()).append(':').append(size(file)).append(':');
            try {
                out.append(Files.getLastModifiedTime(file).toMillis());
            } catch (IOException e) {
                out.append('?');
            }
            out.append(';');
        }
        return out.toString();
    }

    private static @Nullable Long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return null;
        }
    }
}
