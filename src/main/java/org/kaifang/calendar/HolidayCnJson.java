package org.kaifang.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a year in the JSON format of NateScarlet/holiday-cn:
 * {@code {"year":2025,"papers":[URL…],"days":[{"name":"春节","date":"2025-01-28","isOffDay":true},…]}}. Only the
 * exception days are listed; {@code isOffDay: false} marks a working day (a make-up weekend). Other fields
 * ({@code $schema}, {@code $id}) are ignored.
 */
final class HolidayCnJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("元旦", "New Year's Day"),
            Map.entry("春节", "Spring Festival"),
            Map.entry("清明节", "Qingming Festival"),
            Map.entry("劳动节", "Labour Day"),
            Map.entry("“五一”", "Labour Day"),
            Map.entry("“五一”国际劳动节", "Labour Day"),
            Map.entry("端午节", "Dragon Boat Festival"),
            Map.entry("中秋节", "Mid-Autumn Festival"),
            Map.entry("国庆节", "National Day"),
            Map.entry("“十一”", "National Day"),
            Map.entry(
                    "抗日战争暨世界反法西斯战争胜利70周年纪念日",
                    "70th anniversary of the victory in the War of Resistance and the World Anti-Fascist War"));

    private HolidayCnJson() {}

    /**
     * Reads and checks a file.
     *
     * @param source the file's name, for problem locations and {@link CalendarYear#source()}
     * @throws InvalidCalendarFile listing every problem with its location
     */
    static CalendarYear read(String source, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            var where = e.getLocation() == null
                    ? source
                    : source + ":" + e.getLocation().getLineNr() + ":"
                            + e.getLocation().getColumnNr();
            throw new InvalidCalendarFile(
                    List.of(new InvalidCalendarFile.Problem(where, "not valid JSON: " + e.getOriginalMessage())));
        }
        var problems = new ArrayList<InvalidCalendarFile.Problem>();
        if (root == null || !root.isObject()) {
            throw new InvalidCalendarFile(List.of(
                    new InvalidCalendarFile.Problem(source + "#", "must be a JSON object with year, papers and days")));
        }
        int year = 0;
        var yearNode = root.get("year");
        if (yearNode == null || !yearNode.isInt()) {
            problems.add(problem(source, "/year", "must be a whole number (the notice's year)"));
        } else if (yearNode.intValue() < 1990 || yearNode.intValue() > 2200) {
            problems.add(problem(source, "/year", "must be a year from 1990 to 2200, not " + yearNode.intValue()));
        } else {
            year = yearNode.intValue();
        }
        var notices = new ArrayList<Notice>();
        var papers = root.get("papers");
        if (papers == null || !papers.isArray()) {
            problems.add(problem(source, "/papers", "must be an array of the notices' URLs"));
        } else {
            for (int i = 0; i < papers.size(); i++) {
                var paper = papers.get(i);
                if (!paper.isString() || !paper.asString().matches("https?://\\S+")) {
                    problems.add(problem(source, "/papers/" + i, "must be an http(s) URL"));
                } else {
                    notices.add(new Notice(
                            null,
                            null,
                            null,
                            paper.asString(),
                            Map.of("url", "S", "days", "S"),
                            "imported from " + source + " (holiday-cn format)"));
                }
            }
        }
        var days = root.get("days");
        var off = new LinkedHashMap<String, List<LocalDate>>();
        var working = new LinkedHashMap<String, List<LocalDate>>();
        if (days == null || !days.isArray()) {
            problems.add(problem(source, "/days", "must be an array of days"));
        } else if (days.isEmpty()) {
            problems.add(problem(
                    source, "/days", "is empty: the notice for the year has not been captured, nothing to import"));
        } else {
            var seen = new HashMap<LocalDate, Integer>();
            for (int i = 0; i < days.size(); i++) {
                var at = "/days/" + i;
                var day = days.get(i);
                if (!day.isObject()) {
                    problems.add(problem(source, at, "must be an object with name, date and isOffDay"));
                    continue;
                }
                var name = day.get("name");
                if (name == null || !name.isString() || name.asString().isBlank()) {
                    problems.add(problem(source, at + "/name", "must be the holiday's name"));
                    name = null;
                }
                LocalDate date = null;
                var dateNode = day.get("date");
                if (dateNode == null || !dateNode.isString()) {
                    problems.add(problem(source, at + "/date", "must be a date (YYYY-MM-DD)"));
                } else {
                    try {
                        date = LocalDate.parse(dateNode.asString());
                    } catch (DateTimeParseException e) {
                        problems.add(problem(
                                source,
                                at + "/date",
                                "must be a date (YYYY-MM-DD), not '" + dateNode.asString() + "'"));
                    }
                }
                var isOffDay = day.get("isOffDay");
                if (isOffDay == null || !isOffDay.isBoolean()) {
                    problems.add(
                            problem(source, at + "/isOffDay", "must be true (a day off) or false (a working day)"));
                }
                if (date == null) {
                    continue;
                }
                if (year != 0
                        && !(date.getYear() == year || (date.getYear() == year - 1 && date.getMonthValue() == 12))) {
                    problems.add(problem(
                            source,
                            at + "/date",
                            date + " is outside " + year + " (only the December before may appear, for New Year)"));
                }
                var first = seen.putIfAbsent(date, i);
                if (first != null) {
                    problems.add(
                            problem(source, at + "/date", date + " is listed twice (also at /days/" + first + ")"));
                    continue;
                }
                if (name != null && isOffDay != null && isOffDay.isBoolean()) {
                    (isOffDay.booleanValue() ? off : working)
                            .computeIfAbsent(name.asString().strip(), k -> new ArrayList<>())
                            .add(date);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCalendarFile(problems);
        }
        var names = new ArrayList<String>(off.keySet());
        working.keySet().stream().filter(n -> !off.containsKey(n)).forEach(names::add);
        var holidays = names.stream()
                .map(n -> new Holiday(
                        new HolidayName(n, english(n)),
                        off.getOrDefault(n, List.of()),
                        working.getOrDefault(n, List.of())))
                .toList();
        return new CalendarYear(year, notices, holidays, source);
    }

    /** The English name of a holiday-cn name; combined names (国庆节、中秋节) are translated part by part. */
    static String english(String zh) {
        var parts = zh.split("、");
        var out = new ArrayList<String>();
        for (var part : parts) {
            out.add(ENGLISH.getOrDefault(part.strip(), part.strip()));
        }
        return String.join(" and ", out);
    }

    private static InvalidCalendarFile.Problem problem(String source, String pointer, String message) {
        return new InvalidCalendarFile.Problem(source + "#" + pointer, message);
    }
}
