package org.kaifang.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * China's working-day calendar for the years it has a State Council notice for. A day is a working day when it is a
 * weekday not given off by the notice, or a weekend the notice makes a working day (调休上班). Asking about a date in
 * a year without a notice throws {@link YearNotCovered}: the calendar never guesses.
 *
 * <p>Immutable and thread-safe. Each covered year is kept as a table of 365 or 366 entries, so looking a day up is
 * constant time and counting a period allocates nothing per day.
 */
public final class WorkingDayCalendar {

    private final List<CalendarYear> years;
    private final List<Integer> covered;
    private final Map<Integer, YearTable> tables;

    private WorkingDayCalendar(List<CalendarYear> years, Map<Integer, YearTable> tables) {
        this.years = List.copyOf(years);
        this.covered = years.stream().map(CalendarYear::year).toList();
        this.tables = Map.copyOf(tables);
    }

    /**
     * A calendar of the given years. When two entries are for the same year the later one replaces the earlier one
     * (an imported year replaces a built-in one). A date listed by two years' notices (late December can sit in the
     * next year's notice) takes the later year's entry.
     *
     * @throws IllegalArgumentException when one year lists a date both as a day off and as a working day
     */
    public static WorkingDayCalendar of(List<CalendarYear> years) {
        var byYear = new TreeMap<Integer, CalendarYear>();
        years.forEach(y -> byYear.put(y.year(), y));
        var exceptions = new HashMap<LocalDate, Listed>();
        for (var year : byYear.values()) {
            var own = new HashMap<LocalDate, Listed>();
            for (var holiday : year.holidays()) {
                holiday.daysOff().forEach(d -> put(own, d, new Listed(true, holiday.name()), year));
                holiday.adjustedWorkingDays().forEach(d -> put(own, d, new Listed(false, holiday.name()), year));
            }
            exceptions.putAll(own);
        }
        var tables = new HashMap<Integer, YearTable>();
        byYear.keySet().forEach(y -> tables.put(y, YearTable.build(y, exceptions)));
        return new WorkingDayCalendar(List.copyOf(byYear.values()), tables);
    }

    private static void put(Map<LocalDate, Listed> own, LocalDate date, Listed entry, CalendarYear year) {
        var before = own.put(date, entry);
        if (before != null && before.off() != entry.off()) {
            throw new IllegalArgumentException(
                    year.source() + ": " + date + " is listed both as a day off and as a working day");
        }
    }

    /** The calendar of the years the project compiled itself (src/main/resources/calendar, docs/calendar.md). */
    public static WorkingDayCalendar builtIn() {
        return of(BuiltInYears.load());
    }

    /** The years covered, in order. */
    public List<Integer> coveredYears() {
        return covered;
    }

    /** Whether the calendar has a notice for the year. */
    public boolean covers(int year) {
        return tables.containsKey(year);
    }

    /** The years with their notices and holidays, in order. */
    public List<CalendarYear> years() {
        return years;
    }

    /**
     * What a date is.
     *
     * @throws YearNotCovered when the calendar has no notice for the date's year
     */
    public CalendarDay day(LocalDate date) {
        var table = table(date.toEpochDay(), null);
        int i = (int) (date.toEpochDay() - table.first);
        return new CalendarDay(date, table.kinds[i], table.names[i]);
    }

    /**
     * Whether a date is a working day.
     *
     * @throws YearNotCovered when the calendar has no notice for the date's year
     */
    public boolean isWorkingDay(LocalDate date) {
        return table(date.toEpochDay(), null).working(date.toEpochDay());
    }

    /**
     * The date on which a period of {@code days} ends (contract {@code ../shared/contracts/calendar.md}). Counting
     * starts the day after {@code start}; with {@link ClockUnit#WORKING} only working days count, with
     * {@link ClockUnit#CALENDAR} every day does; if the last day is not a working day, the period ends on the next
     * working day.
     *
     * @param days at least 1
     * @throws YearNotCovered when a date from {@code start} to the due date lies in a year without a notice
     */
    public LocalDate due(LocalDate start, int days, ClockUnit unit) {
        return LocalDate.ofEpochDay(due(start.toEpochDay(), days, unit, Pauses.NONE));
    }

    /** The due date in epoch days, skipping paused days (see {@link StatutoryClock}). */
    long due(long start, int days, ClockUnit unit, Pauses pauses) {
        if (days < 1) {
            throw new IllegalArgumentException("a period has at least 1 day, not " + days);
        }
        table(start, null);
        long last =
                unit == ClockUnit.CALENDAR ? lastCalendarDay(start, days, pauses) : lastWorkingDay(start, days, pauses);
        long due = nextWorkingDay(last);
        checkCovered(start, due);
        return due;
    }

    private long lastWorkingDay(long start, int days, Pauses pauses) {
        long day = start;
        int counted = 0;
        int p = 0;
        YearTable table = null;
        while (counted < days) {
            day++;
            while (p < pauses.size() && pauses.until(p) < day) {
                p++;
            }
            if (p < pauses.size() && day > pauses.from(p)) {
                day = pauses.until(p);
                continue;
            }
            table = table(day, table);
            if (table.working(day)) {
                counted++;
            }
        }
        return day;
    }

    private static long lastCalendarDay(long start, int days, Pauses pauses) {
        long day = start;
        long remaining = days;
        for (int p = 0; p < pauses.size(); p++) {
            if (pauses.until(p) <= day) {
                continue;
            }
            long gap = pauses.from(p) - day;
            if (remaining <= gap) {
                return day + remaining;
            }
            remaining -= Math.max(gap, 0);
            day = pauses.until(p);
        }
        return day + remaining;
    }

    private long nextWorkingDay(long day) {
        var table = table(day, null);
        while (!table.working(day)) {
            day++;
            table = table(day, table);
        }
        return day;
    }

    private void checkCovered(long from, long to) {
        int first = LocalDate.ofEpochDay(from).getYear();
        int last = LocalDate.ofEpochDay(to).getYear();
        for (int y = first; y <= last; y++) {
            if (!covers(y)) {
                throw new YearNotCovered(y, covered);
            }
        }
    }

    /**
     * How many days count in {@code (from, to]}: working days or all days, paused days left out. Zero when {@code to}
     * is not after {@code from}.
     */
    int counted(long from, long to, ClockUnit unit, Pauses pauses) {
        if (to <= from) {
            return 0;
        }
        int counted = 0;
        int p = 0;
        YearTable table = null;
        for (long day = from + 1; day <= to; day++) {
            while (p < pauses.size() && pauses.until(p) < day) {
                p++;
            }
            if (p < pauses.size() && day > pauses.from(p)) {
                day = pauses.until(p);
                continue;
            }
            if (unit == ClockUnit.CALENDAR) {
                counted++;
            } else {
                table = table(day, table);
                if (table.working(day)) {
                    counted++;
                }
            }
        }
        return counted;
    }

    private YearTable table(long epochDay, @Nullable YearTable current) {
        if (current != null && epochDay >= current.first && epochDay <= current.last) {
            return current;
        }
        int year = LocalDate.ofEpochDay(epochDay).getYear();
        var table = tables.get(year);
        if (table == null) {
            throw new YearNotCovered(year, covered);
        }
        return table;
    }

    private record Listed(boolean off, HolidayName name) {}

    /**
     * Paused stretches in epoch days, sorted and apart: the days after {@code from(i)} up to and including
     * {@code until(i)} do not count.
     */
    record Pauses(long[] froms, long[] untils) {

        static final Pauses NONE = new Pauses(new long[0], new long[0]);

        int size() {
            return froms.length;
        }

        long from(int i) {
            return froms[i];
        }

        long until(int i) {
            return untils[i];
        }
    }

    private static final class YearTable {

        final long first;
        final long last;
        final DayKind[] kinds;
        final @Nullable HolidayName[] names;
        final boolean[] working;

        private YearTable(long first, long last) {
            this.first = first;
            this.last = last;
            int length = (int) (last - first + 1);
            this.kinds = new DayKind[length];
            this.names = new HolidayName[length];
            this.working = new boolean[length];
        }

        boolean working(long epochDay) {
            return working[(int) (epochDay - first)];
        }

        static YearTable build(int year, Map<LocalDate, Listed> exceptions) {
            var start = LocalDate.of(year, 1, 1);
            var table =
                    new YearTable(start.toEpochDay(), LocalDate.of(year, 12, 31).toEpochDay());
            var date = start;
            for (int i = 0; i < table.kinds.length; i++, date = date.plusDays(1)) {
                boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
                var exception = exceptions.get(date);
                DayKind kind;
                HolidayName name = null;
                if (exception == null) {
                    kind = weekend ? DayKind.WEEKEND : DayKind.WEEKDAY;
                } else if (exception.off()) {
                    kind = DayKind.HOLIDAY;
                    name = exception.name();
                } else if (weekend) {
                    kind = DayKind.ADJUSTED_WORKING_DAY;
                    name = exception.name();
                } else {
                    // A weekday listed as a working day (holiday-cn 2020-02-03, the end of the extended break) is
                    // an ordinary working day.
                    kind = DayKind.WEEKDAY;
                }
                table.kinds[i] = kind;
                table.names[i] = name;
                table.working[i] = kind.isWorkingDay();
            }
            return table;
        }
    }
}
