package org.kaifang.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The years the project compiled from the State Council's notices: {@code calendar/cn-YYYY.yaml} on the class path,
 * listed in {@code calendar/index.txt}. The format is described in docs/calendar.md.
 */
final class BuiltInYears {

    static final String SOURCE = "built-in";
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private BuiltInYears() {}

    static List<CalendarYear> load() {
        var years = new ArrayList<CalendarYear>();
        for (var file : read("calendar/index.txt").lines().map(String::strip).toList()) {
            if (!file.isEmpty()) {
                years.add(parse("calendar/" + file, read("calendar/" + file)));
            }
        }
        return years;
    }

    private static String read(String resource) {
        try (InputStream in = BuiltInYears.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing built-in calendar resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads one year in the project's YAML format.
     *
     * @throws InvalidCalendarFile listing every problem
     */
    static CalendarYear parse(String source, String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidCalendarFile(
                    List.of(new InvalidCalendarFile.Problem(source, "not valid YAML: " + e.getOriginalMessage())));
        }
        var problems = new ArrayList<InvalidCalendarFile.Problem>();
        int year = root.path("year").asInt(0);
        if (year == 0) {
            problems.add(problem(source, "/year", "must be a year"));
        }
        var notices = new ArrayList<Notice>();
        var noticeNodes = root.path("notices");
        if (!noticeNodes.isArray() || noticeNodes.isEmpty()) {
            problems.add(problem(source, "/notices", "must list the notice"));
        }
        for (int i = 0; i < noticeNodes.size(); i++) {
            var n = noticeNodes.get(i);
            var at = "/notices/" + i;
            var url = text(n, "url");
            var title = text(n, "title");
            if (url == null || !url.startsWith("https://")) {
                problems.add(problem(source, at + "/url", "must be the notice's https URL"));
            }
            if (title == null) {
                problems.add(problem(source, at + "/title", "must be the notice's title"));
            }
            LocalDate date = null;
            var dateText = text(n, "date");
            if (dateText != null) {
                date = date(dateText, source, at + "/date", problems);
            }
            var confidence = new java.util.LinkedHashMap<String, String>();
            for (var fact : List.of("number", "date", "url", "days")) {
                var mark = n.path("confidence").path(fact).asString("");
                if (!mark.matches("[VSIM]")) {
                    problems.add(problem(source, at + "/confidence/" + fact, "must be V, S, I or M"));
                }
                confidence.put(fact, mark);
            }
            notices.add(new Notice(
                    title,
                    text(n, "number"),
                    date,
                    url == null ? "" : url,
                    confidence,
                    n.path("note").asString("")));
        }
        var holidays = new ArrayList<Holiday>();
        var holidayNodes = root.path("holidays");
        for (int i = 0; i < holidayNodes.size(); i++) {
            var h = holidayNodes.get(i);
            var at = "/holidays/" + i;
            var zh = text(h.path("name"), "zh");
            var en = text(h.path("name"), "en");
            if (zh == null || en == null) {
                problems.add(problem(source, at + "/name", "must have zh and en"));
                continue;
            }
            var off = dates(h.path("off"), source, at + "/off", problems);
            var working = dates(h.path("working"), source, at + "/working", problems);
            if (off.isEmpty()) {
                problems.add(problem(source, at + "/off", "must list the days off"));
            }
            for (var d : off) {
                if (d.getYear() != year && !(d.getYear() == year - 1 && d.getMonthValue() == 12)) {
                    problems.add(problem(source, at + "/off", d + " is outside " + year));
                }
            }
            for (var d : working) {
                if (d.getDayOfWeek().getValue() < 6) {
                    problems.add(problem(source, at + "/working", d + " is not a weekend: nothing to adjust"));
                }
            }
            holidays.add(new Holiday(new HolidayName(zh, en), off, working));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCalendarFile(problems);
        }
        return new CalendarYear(year, notices, holidays, SOURCE);
    }

    /** Dates and ranges: {@code "2025-01-01"} or {@code "2025-01-28..2025-02-04"} (both ends included). */
    private static List<LocalDate> dates(
            JsonNode node, String source, String at, List<InvalidCalendarFile.Problem> problems) {
        var dates = new ArrayList<LocalDate>();
        for (int i = 0; i < node.size(); i++) {
            var text = node.get(i).asString("");
            var ends = text.split("\\.\\.", -1);
            var from = date(ends[0], source, at + "/" + i, problems);
            var to = ends.length == 2 ? date(ends[1], source, at + "/" + i, problems) : from;
            if (ends.length > 2 || from == null || to == null || to.isBefore(from)) {
                if (from != null && to != null) {
                    problems.add(problem(source, at + "/" + i, "'" + text + "' is not a date or a range FROM..TO"));
                }
                continue;
            }
            for (var d = from; !d.isAfter(to); d = d.plusDays(1)) {
                dates.add(d);
            }
        }
        return dates;
    }

    private static @Nullable LocalDate date(
            String text, String source, String at, List<InvalidCalendarFile.Problem> problems) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(problem(source, at, "'" + text + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static @Nullable String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() || value.asString("").isBlank() ? null : value.asString();
    }

    private static InvalidCalendarFile.Problem problem(String source, String pointer, String message) {
        return new InvalidCalendarFile.Problem(source + "#" + pointer, message);
    }
}
