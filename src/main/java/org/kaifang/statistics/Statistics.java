package org.kaifang.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.kaifang.rules.RuleCatalogue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures. Public ones (enterprises, licences, pilot approvals, credit lists) may be shown to anyone; the others
 * (processing times, screening, annual-report compliance) only to the regulator's staff, which the web layer enforces.
 *
 * <p>Cost per request: the licence and pilot figures sum counters ({@code statistics.licence_tally}), whose number grows
 * with dimension values times months, not with licences; the enterprise series reads the foreign-invested licences only
 * (a few thousand nationally); processing times read the applications decided in the range; screening the review
 * actions in the range; credit lists their entries (hundreds). No figure reads every licence.
 */
@Service
@Transactional(readOnly = true)
public class Statistics {

    /** The figures anyone may read. */
    public static final List<String> PUBLIC = List.of("enterprises", "licences", "pilots", "credit-lists");

    /** The figures only the regulator's staff may read. */
    public static final List<String> STAFF = List.of("processing-times", "annual-reports", "screening");

    static final Map<String, String> DEFINITIONS = Map.of(
            "enterprises",
            "Foreign-invested telecom enterprises: distinct holders (by unified social credit code, else by registered"
                    + " name) of at least one licence or pilot approval marked foreign-invested that was in force at the"
                    + " end of the day (issued on or before it, not yet expired, revoked, withdrawn, cancelled or"
                    + " invalidated), at the end of each period from the range's start (or the first such licence) to"
                    + " its end; year on year compares each day with the same day a year before.",
            "licences",
            "Licences and pilot approvals in force at the end of the month of 'to' that were issued from the month of"
                    + " 'from' on, counted once per service (catalogue code), item, area (province-level division, or"
                    + " CN for nationwide) and issuing authority (MIIT or a province's communications administration);"
                    + " a licence with several services or areas counts under each.",
            "pilots",
            "Pilot approvals (试点批复) under the 2024 opening-up pilot (工信部通信函〔2024〕107号) issued in the months of"
                    + " the range, by pilot area, by service and item, and by batch (the day of approval), whatever"
                    + " became of them since.",
            "credit-lists",
            "Entries on the telecom bad list and dishonest list (Order 42 art. 37): entries made in the range, entries"
                    + " taken off in the range, and entries on the list at the end of 'to'.",
            "processing-times",
            "Applications decided (approved or refused) in the range, by type: calendar days from first submission to"
                    + " the decision (median and 90th percentile, nearest rank), how many were decided late (accepted"
                    + " after the acceptance clock's due date, 5 working days, Order 42 art. 11 [S]; or decided after"
                    + " the decision clock's due date, 60 working days plus extensions [I]), and how many had their"
                    + " clock paused for a correction (补正), with the median days paused among those.",
            "annual-reports",
            "Annual reports (年报, Order 42 art. 35) on each year that ended in the range: licences that had to file"
                    + " (in force on 31 December, held by an organisation that files in Kaifang, not demo data),"
                    + " reports submitted in the window (by the window's last day in the rule pack,"
                    + " annual-report.window), submitted later, confirmed by a registrar, and still missing.",
            "screening",
            "Restricted-party screening review actions in the range, by month: hits (alerts raised), hits confirmed"
                    + " as the listed party, and hits dismissed.");

    private final StatisticsStore store;
    private final RuleCatalogue rules;
    private final Clock clock;

    Statistics(StatisticsStore store, RuleCatalogue rules, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.clock = clock;
    }

    /** Today in China, the default end of a range. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(StatisticsStore.CHINA));
    }

    /**
     * A figure by its name ({@link #PUBLIC} or {@link #STAFF}).
     *
     * @param period {@code year} (default) or {@code quarter}; only the enterprise series uses it
     * @throws DateRange.Invalid for an unknown period
     * @throws IllegalArgumentException for an unknown figure
     */
    public Figure figure(String name, DateRange range, @Nullable String period) {
        return switch (name) {
            case "enterprises" -> enterprises(range, Aggregations.Period.parse(period));
            case "licences" -> licences(range);
            case "pilots" -> pilots(range);
            case "credit-lists" -> creditLists(range);
            case "processing-times" -> processingTimes(range);
            case "annual-reports" -> annualReports(range);
            case "screening" -> screening(range);
            default -> throw new IllegalArgumentException("No figure " + name);
        };
    }

    Figure enterprises(DateRange range, Aggregations.Period period) {
        var spans = store.foreignInvested(range.to());
        var first = range.from() != null
                ? range.from()
                : spans.stream()
                        .map(StatisticsStore.Span::issuedOn)
                        .min(LocalDate::compareTo)
                        .orElse(range.to());
        var rows = new ArrayList<Map<String, @Nullable Object>>();
        for (var day : Aggregations.points(first, range.to(), period)) {
            var now = Aggregations.enterprises(spans, day);
            var before = Aggregations.enterprises(spans, day.minusYears(1));
            var row = new LinkedHashMap<String, @Nullable Object>();
            row.put("period", day.equals(period.endOf(day)) ? period.label(day) : day.toString());
            row.put("date", day);
            row.put("enterprises", now);
            row.put("yearOnYearPercent", Aggregations.growth(now, before));
            rows.add(row);
        }
        var latest = Aggregations.enterprises(spans, range.to());
        var yearBefore = Aggregations.enterprises(spans, range.to().minusYears(1));
        var headline = new LinkedHashMap<String, @Nullable Object>();
        headline.put("date", range.to());
        headline.put("enterprises", latest);
        headline.put("yearBefore", yearBefore);
        headline.put("yearOnYearPercent", Aggregations.growth(latest, yearBefore));
        return figure(
                "enterprises", range, List.of("period", "date", "enterprises", "yearOnYearPercent"), rows, headline);
    }

    Figure licences(DateRange range) {
        var fromMonth =
                range.from() == null ? "0000-00" : YearMonth.from(range.from()).toString();
        var toMonth = YearMonth.from(range.to()).toString();
        var rows = new ArrayList<Map<String, @Nullable Object>>();
        for (var dimension : List.of("service", "item", "area", "authority")) {
            store.tally(dimension, fromMonth, toMonth, toMonth).forEach((key, counts) -> {
                var row = new LinkedHashMap<String, @Nullable Object>();
                row.put("dimension", dimension);
                row.put("key", key);
                row.put("licences", counts[0]);
                row.put("foreignInvested", counts[1]);
                rows.add(row);
            });
        }
        var all = store.tally("all", fromMonth, toMonth, toMonth).getOrDefault("all", new long[2]);
        var headline = new LinkedHashMap<String, @Nullable Object>();
        headline.put("licences", all[0]);
        headline.put("foreignInvested", all[1]);
        return figure("licences", range, List.of("dimension", "key", "licences", "foreignInvested"), rows, headline);
    }

    Figure pilots(DateRange range) {
        var fromMonth =
                range.from() == null ? "0000-00" : YearMonth.from(range.from()).toString();
        var toMonth = YearMonth.from(range.to()).toString();
        var rows = new ArrayList<Map<String, @Nullable Object>>();
        long total = 0;
        for (var dimension : List.of("pilot-area", "pilot-service", "pilot-batch")) {
            var counts = store.tally(dimension, fromMonth, toMonth, null);
            for (var e : counts.entrySet()) {
                var row = new LinkedHashMap<String, @Nullable Object>();
                row.put("dimension", dimension.substring("pilot-".length()));
                row.put("key", e.getKey());
                row.put("approvals", e.getValue()[0]);
                rows.add(row);
                if (dimension.equals("pilot-area")) {
                    total += e.getValue()[0];
                }
            }
        }
        return figure(
                "pilots",
                range,
                List.of("dimension", "key", "approvals"),
                rows,
                Map.of(
                        "approvals",
                        total,
                        "areas",
                        rows.stream()
                                .filter(r -> "area".equals(r.get("dimension")))
                                .count()));
    }

    Figure creditLists(DateRange range) {
        var rows = new ArrayList<Map<String, @Nullable Object>>();
        var headline = new LinkedHashMap<String, @Nullable Object>();
        for (var list : List.of("BAD", "DISHONEST")) {
            var counts = store.creditLists(range.from(), range.to()).getOrDefault(list, new long[3]);
            var row = new LinkedHashMap<String, @Nullable Object>();
            row.put("list", list);
            row.put("listed", counts[0]);
            row.put("removed", counts[1]);
            row.put("onList", counts[2]);
            rows.add(row);
            headline.put(list, counts[2]);
        }
        return figure("credit-lists", range, List.of("list", "listed", "removed", "onList"), rows, headline);
    }

    Figure processingTimes(DateRange range) {
        var byType = new TreeMap<String, List<StatisticsStore.ApplicationFact>>();
        var decided = store.decided(range.from(), range.to());
        for (var a : decided) {
            byType.computeIfAbsent(a.type(), t -> new ArrayList<>()).add(a);
        }
        var rows = new ArrayList<Map<String, @Nullable Object>>();
        byType.forEach((type, list) -> rows.add(processing(type, list)));
        var all = processing("ALL", decided);
        rows.add(all);
        return figure(
                "processing-times",
                range,
                List.of(
                        "type",
                        "decided",
                        "medianDays",
                        "p90Days",
                        "late",
                        "lateSharePercent",
                        "withoutDueDate",
                        "paused",
                        "medianPausedDays"),
                rows,
                all);
    }

    private static Map<String, @Nullable Object> processing(String type, List<StatisticsStore.ApplicationFact> list) {
        var days = new ArrayList<Integer>();
        var pausedDays = new ArrayList<Integer>();
        long late = 0;
        long withoutDue = 0;
        for (var a : list) {
            if (a.submittedOn() != null && a.decidedOn() != null) {
                days.add((int) java.time.temporal.ChronoUnit.DAYS.between(a.submittedOn(), a.decidedOn()));
            }
            if (a.pauses() > 0) {
                pausedDays.add(a.pausedDays());
            }
            var acceptedLate = a.acceptedOn() != null
                    && a.acceptanceDue() != null
                    && a.acceptedOn().isAfter(a.acceptanceDue());
            var decidedLate = a.decidedOn() != null
                    && a.decisionDue() != null
                    && a.decidedOn().isAfter(a.decisionDue());
            if (acceptedLate || decidedLate) {
                late++;
            } else if (a.decisionDue() == null) {
                withoutDue++;
            }
        }
        var row = new LinkedHashMap<String, @Nullable Object>();
        row.put("type", type);
        row.put("decided", list.size());
        row.put("medianDays", Aggregations.percentile(days, 50));
        row.put("p90Days", Aggregations.percentile(days, 90));
        row.put("late", late);
        row.put("lateSharePercent", Aggregations.share(late, list.size()));
        row.put("withoutDueDate", withoutDue);
        row.put("paused", pausedDays.size());
        row.put("medianPausedDays", Aggregations.percentile(pausedDays, 50));
        return row;
    }

    Figure annualReports(DateRange range) {
        var firstYear =
                range.from() == null ? range.to().getYear() - 5 : range.from().getYear();
        if (range.from() != null && range.from().isAfter(LocalDate.of(firstYear, 12, 31))) {
            firstYear++;
        }
        var lastYear = range.to().getMonthValue() == 12 && range.to().getDayOfMonth() == 31
                ? range.to().getYear()
                : range.to().getYear() - 1;
        var rows = new ArrayList<Map<String, @Nullable Object>>();
        for (var year = Math.max(firstYear, DateRange.EARLIEST.getYear()); year <= lastYear; year++) {
            var due = store.reportsDue(year);
            var filed = store.reportsFiled(year, windowEnd(year));
            var row = new LinkedHashMap<String, @Nullable Object>();
            row.put("year", year);
            row.put("due", due);
            row.put("inWindow", filed[0]);
            row.put("late", filed[1]);
            row.put("confirmed", filed[2]);
            row.put("missing", Math.max(0, due - filed[0] - filed[1]));
            row.put("inWindowSharePercent", Aggregations.share(filed[0], due));
            rows.add(row);
        }
        return figure(
                "annual-reports",
                range,
                List.of("year", "due", "inWindow", "late", "confirmed", "missing", "inWindowSharePercent"),
                rows,
                rows.isEmpty() ? Map.of() : rows.getLast());
    }

    /** The last day of the window for reports on {@code year} (rule pack {@code annual-report.window}, art. 35). */
    private LocalDate windowEnd(int year) {
        var parameter = rules.current().parameter("annual-report.window");
        var on = LocalDate.of(year + 1, 1, 1);
        var value = parameter.at(on).orElseGet(() -> parameter.require(today())).map();
        return MonthDay.parse("--" + value.get("to")).atYear(year + 1);
    }

    Figure screening(DateRange range) {
        var rows = new ArrayList<Map<String, @Nullable Object>>();
        long hits = 0;
        long confirmed = 0;
        long dismissed = 0;
        for (var e : store.screening(range.from(), range.to()).entrySet()) {
            var row = new LinkedHashMap<String, @Nullable Object>();
            row.put("month", e.getKey());
            row.put("hits", e.getValue().getOrDefault("RAISED", 0L));
            row.put("confirmed", e.getValue().getOrDefault("CONFIRMED", 0L));
            row.put("dismissed", e.getValue().getOrDefault("DISMISSED", 0L));
            hits += (Long) row.get("hits");
            confirmed += (Long) row.get("confirmed");
            dismissed += (Long) row.get("dismissed");
            rows.add(row);
        }
        return figure(
                "screening",
                range,
                List.of("month", "hits", "confirmed", "dismissed"),
                rows,
                Map.of("hits", hits, "confirmed", confirmed, "dismissed", dismissed));
    }

    private Figure figure(
            String name,
            DateRange range,
            List<String> columns,
            List<Map<String, @Nullable Object>> rows,
            Map<String, @Nullable Object> headline) {
        return new Figure(
                name, DEFINITIONS.get(name), clock.instant(), range.from(), range.to(), columns, rows, headline);
    }

    /** Whether any licence counted is made-up demo data (the demo register), which every page must then say. */
    public boolean includesSyntheticData() {
        return !store.tally("synthetic", "0000-00", "9999-12", null).isEmpty();
    }

    /** Recomputes the licence counters from the licence facts (they must agree with those kept event by event). */
    @Transactional
    public void rebuildCounters() {
        store.rebuildTallies();
    }
}
