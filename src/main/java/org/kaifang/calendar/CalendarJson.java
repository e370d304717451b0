package org.kaifang.calendar;

import java.time.LocalDate;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of the calendar contract ({@code ../shared/contracts/calendar.md}), shared by {@code /api/v1/calendar/…}
 * and {@code kaifang calendar … --json}.
 */
public final class CalendarJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CalendarJson() {}

    /** {@code {"date", "workingDay", "kind", "name": {"zh", "en"} or null}}. */
    public static ObjectNode day(CalendarDay day) {
        var node = NODES.objectNode();
        node.put("date", day.date().toString());
        node.put("workingDay", day.workingDay());
        node.put("kind", day.kind().name());
        var name = day.name();
        if (name == null) {
            node.putNull("name");
        } else {
            node.putObject("name").put("zh", name.zh()).put("en", name.en());
        }
        return node;
    }

    /** {@code {"start", "days", "unit", "due"}}. */
    public static ObjectNode due(LocalDate start, int days, ClockUnit unit, LocalDate due) {
        var node = NODES.objectNode();
        node.put("start", start.toString());
        node.put("days", days);
        node.put("unit", unit.name());
        node.put("due", due.toString());
        return node;
    }
}
