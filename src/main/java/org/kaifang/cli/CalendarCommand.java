package org.kaifang.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.kaifang.calendar.CalendarDay;
import org.kaifang.calendar.CalendarJson;
import org.kaifang.calendar.CalendarStore;
import org.kaifang.calendar.ClockUnit;
import org.kaifang.calendar.InvalidCalendarFile;
import org.kaifang.calendar.YearNotCovered;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kaifang calendar …}: China's working-day calendar and due dates, and importing a year, offline. */
@Command(
        name = "calendar",
        mixinStandardHelpOptions = true,
        description = {
            "China's working-day calendar: what a date is, when a period ends, and importing a year's notice.",
            "Uses the built-in years plus those imported into --dir."
        },
        subcommands = {
            CalendarCommand.Day.class,
            CalendarCommand.Due.class,
            CalendarCommand.Import.class,
            CalendarCommand.Years.class
        })
final class CalendarCommand implements Runnable {

    /** Exit code when a date lies in a year the calendar does not cover. */
    static final int NOT_COVERED = 1;

    static final String DEFAULT_DIR = "./data/calendar";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code --dir}: where imported years are kept; the server reads the same directory (kaifang.calendar.dir). */
    static final class DirOption {
        @Option(
                names = "--dir",
                paramLabel = "DIR",
                defaultValue = DEFAULT_DIR,
                description =
                        "Directory of imported years (default: ${DEFAULT-VALUE}; the server's kaifang.calendar.dir).")
        Path dir = Path.of(DEFAULT_DIR);

        @Nullable
        CalendarStore open() {
            try {
                return new CalendarStore(dir);
            } catch (InvalidCalendarFile e) {
                e.problems().forEach(p -> System.err.println(p));
                return null;
            }
        }
    }

    @Command(
            name = "day",
            mixinStandardHelpOptions = true,
            description = {
                "What a date is: WEEKDAY, WEEKEND, HOLIDAY or ADJUSTED_WORKING_DAY, and whether it is a working day.",
                "Exit codes: 0 answered, 1 year not covered, 2 invalid input."
            })
    static final class Day implements Callable<Integer> {

        @Parameters(paramLabel = "DATE", description = "The date (YYYY-MM-DD).")
        String date = "";

        @Option(names = "--json", description = "Print the API's JSON.")
        boolean json;

        @CommandLine.Mixin
        DirOption dir = new DirOption();

        @Override
        public Integer call() {
            var parsed = date("DATE", date);
            var store = dir.open();
            if (parsed == null || store == null) {
                return KaifangCli.INVALID_INPUT;
            }
            try {
                var day = store.calendar().day(parsed);
                System.out.println(json ? CalendarJson.day(day).toPrettyString() : render(day));
                return 0;
            } catch (YearNotCovered e) {
                System.err.println(e.getMessage());
                return NOT_COVERED;
            }
        }

        static String render(CalendarDay day) {
            var name = day.name();
            return day.date() + " " + day.date().getDayOfWeek() + "  " + (day.workingDay() ? "working day" : "day off")
                    + "  " + day.kind() + (name == null ? "" : "  " + name.zh() + " " + name.en());
        }
    }

    @Command(
            name = "due",
            mixinStandardHelpOptions = true,
            description = {
                "When a period of DAYS ends: counting starts the day after START; WORKING counts working days only,",
                "CALENDAR every day; a last day that is not a working day moves to the next working day.",
                "Exit codes: 0 answered, 1 year not covered, 2 invalid input."
            })
    static final class Due implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "START", description = "The day of the start event (YYYY-MM-DD).")
        String start = "";

        @Parameters(index = "1", paramLabel = "DAYS", description = "The number of days, from 1 to 3660.")
        int days;

        @Option(
                names = "--unit",
                paramLabel = "UNIT",
                defaultValue = "WORKING",
                description = "WORKING or CALENDAR (default: ${DEFAULT-VALUE}).")
        ClockUnit unit = ClockUnit.WORKING;

        @Option(names = "--json", description = "Print the API's JSON.")
        boolean json;

        @CommandLine.Mixin
        DirOption dir = new DirOption();

        @Override
        public Integer call() {
            var from = date("START", start);
            if (days < 1 || days > 3660) {
                System.err.println("DAYS must be from 1 to 3660, not " + days);
                return KaifangCli.INVALID_INPUT;
            }
            var store = dir.open();
            if (from == null || store == null) {
                return KaifangCli.INVALID_INPUT;
            }
            try {
                var due = store.calendar().due(from, days, unit);
                if (json) {
                    System.out.println(CalendarJson.due(from, days, unit, due).toPrettyString());
                } else {
                    System.out.println(due + " " + due.getDayOfWeek() + "  (" + days + " "
                            + (unit == ClockUnit.WORKING ? "working" : "calendar") + " day(s) after " + from + ")");
                }
                return 0;
            } catch (YearNotCovered e) {
                System.err.println(e.getMessage());
                return NOT_COVERED;
            }
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Check a year in holiday-cn JSON format and keep it in --dir, where the server and later commands find it.",
                "It replaces the built-in year and any earlier import of the same year.",
                "Exit codes: 0 imported, 2 invalid file (every problem listed with its location)."
            })
    static final class Import implements Callable<Integer> {

        @Parameters(paramLabel = "FILE", description = "The year's file, e.g. 2027.json.")
        Path file = Path.of("");

        @CommandLine.Mixin
        DirOption dir = new DirOption();

        @Override
        public Integer call() {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                System.err.println("FILE: no such file: " + file);
                return KaifangCli.INVALID_INPUT;
            } catch (IOException e) {
                System.err.println("FILE: cannot read: " + e.getMessage());
                return KaifangCli.INVALID_INPUT;
            }
            var store = dir.open();
            if (store == null) {
                return KaifangCli.INVALID_INPUT;
            }
            try {
                var imported = store.importYear(file.toString(), text);
                var year = imported.year();
                long off = year.holidays().stream()
                        .mapToLong(h -> h.daysOff().size())
                        .sum();
                long working = year.holidays().stream()
                        .mapToLong(h -> h.adjustedWorkingDays().size())
                        .sum();
                System.out.printf(
                        "%s %d: %d holidays, %d days off, %d adjusted working days -> %s%n",
                        imported.replaced() ? "Replaced" : "Imported",
                        year.year(),
                        year.holidays().size(),
                        off,
                        working,
                        imported.file());
                System.out.println("Covered years: "
                        + store.calendar().coveredYears().stream()
                                .map(String::valueOf)
                                .toList());
                return 0;
            } catch (InvalidCalendarFile e) {
                System.err.println(file + ": " + e.problems().size() + " problem(s), nothing imported:");
                e.problems().forEach(p -> System.err.println("  " + p));
                return KaifangCli.INVALID_INPUT;
            } catch (IllegalArgumentException e) {
                System.err.println(file + ": " + e.getMessage());
                return KaifangCli.INVALID_INPUT;
            }
        }
    }

    @Command(
            name = "years",
            mixinStandardHelpOptions = true,
            description = "List the years covered, with their notices and where they come from.")
    static final class Years implements Callable<Integer> {

        @CommandLine.Mixin
        DirOption dir = new DirOption();

        @Override
        public Integer call() {
            var store = dir.open();
            if (store == null) {
                return KaifangCli.INVALID_INPUT;
            }
            for (var year : store.calendar().years()) {
                System.out.println(year.year() + "  " + year.source());
                for (var notice : year.notices()) {
                    System.out.println("      " + (notice.title() == null ? "" : notice.title() + " ")
                            + (notice.number() == null ? "" : notice.number() + " ")
                            + (notice.date() == null ? "" : notice.date() + " ") + notice.url()
                            + (notice.uncertain().isEmpty() ? "" : "  (not V: " + notice.uncertain() + ")"));
                }
            }
            return 0;
        }
    }

    private static @Nullable LocalDate date(String label, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            System.err.println(label + " must be a date (YYYY-MM-DD), not '" + text + "'");
            return null;
        }
    }
}
