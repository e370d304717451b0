package org.kaifang.applications.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.kaifang.applications.LicenceApplication;
import org.kaifang.applications.QueueRow;
import org.kaifang.calendar.ClockState;
import org.kaifang.calendar.StatutoryClock;
import org.kaifang.calendar.WorkingDayCalendar;
import org.kaifang.calendar.YearNotCovered;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The API's JSON for applications, with each clock's state as of a date. */
final class ApplicationView {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WorkingDayCalendar calendar;
    private final LocalDate today;

    ApplicationView(WorkingDayCalendar calendar, LocalDate today) {
        this.calendar = calendar;
        this.today = today;
    }

    String json(LicenceApplication a) {
        var node = summary(a);
        node.set("request", JSON.readTree(a.request()));
        if (a.submission() != null) {
            var s = node.putObject("submission");
            s.put("at", a.submission().at().toString());
            s.put("determination", a.submission().determination());
            s.put("determinationUrl", "/api/v1/determinations/" + a.submission().determination());
            s.put("overall", a.submission().overall());
            s.put("rulePack", a.submission().rulePack());
        }
        node.put("correction", a.correction());
        if (a.recommendation() != null) {
            var r = node.putObject("recommendation");
            r.put("officer", a.recommendation().officerName());
            r.put("verdict", a.recommendation().verdict().name());
            r.put("reason", a.recommendation().reason());
            r.put("at", a.recommendation().at().toString());
        }
        if (a.decision() != null) {
            var d = node.putObject("decision");
            d.put("approver", a.decision().approverName());
            d.put("verdict", a.decision().verdict().name());
            d.put("reason", a.decision().reason());
            d.put("at", a.decision().at().toString());
        }
        var clocks = node.putObject("clocks");
        if (a.acceptanceClock() != null) {
            clocks.set("acceptance", clock(a.acceptanceClock()));
        }
        if (a.decisionClock() != null) {
            clocks.set("decision", clock(a.decisionClock()));
        }
        var history = node.putArray("history");
        for (var step : a.history()) {
            var s = history.addObject();
            s.put("at", step.at().toString());
            s.put("by", step.username());
            s.put("action", step.action());
            s.put("from", step.from().name());
            s.put("to", step.to().name());
            s.put("reason", step.reason());
        }
        return JSON.writeValueAsString(node);
    }

    ObjectNode summary(LicenceApplication a) {
        var node = NODES.objectNode();
        node.put("id", a.id().toString());
        node.put("version", a.version());
        node.put("type", a.type().name());
        node.put("status", a.status().name());
        node.put("applicant", a.applicant());
        node.put("applicantName", a.applicantName());
        node.put("createdAt", a.createdAt().toString());
        return node;
    }

    ObjectNode row(QueueRow r) {
        var node = NODES.objectNode();
        node.put("id", r.id().toString());
        node.put("version", r.version());
        node.put("type", r.type().name());
        node.put("status", r.status().name());
        node.put("applicantName", r.applicantName());
        node.put("updatedAt", r.updatedAt().toString());
        node.put("due", r.due() == null ? null : r.due().toString());
        node.put("overdue", r.due() != null && today.isAfter(r.due()));
        return node;
    }

    private ObjectNode clock(StatutoryClock c) {
        var node = NODES.objectNode();
        node.put("startedOn", c.startedOn().toString());
        node.put("days", c.days());
        node.put("unit", c.limit().unit().name());
        try {
            var state = c.stateOn(today.isBefore(c.startedOn()) ? c.startedOn() : today, calendar);
            node.put("state", state.status().name());
            switch (state) {
                case ClockState.Running r -> {
                    node.put("due", r.due().toString());
                    node.put("daysLeft", r.daysLeft());
                }
                case ClockState.Paused p -> {
                    node.put("pausedSince", p.since().toString());
                    node.put("daysLeft", p.daysLeft());
                }
                case ClockState.Overdue o -> {
                    node.put("due", o.due().toString());
                    node.put("daysOverdue", o.daysOverdue());
                }
                case ClockState.Stopped s -> {
                    node.put("stoppedOn", s.on().toString());
                    node.put("due", text(s.due()));
                    node.put("inTime", s.inTime());
                }
            }
        } catch (YearNotCovered e) {
            node.put("state", "UNKNOWN");
            node.put("problem", e.getMessage());
        }
        var pauses = node.putArray("pauses");
        for (var p : c.pauses()) {
            pauses.addObject()
                    .put("from", p.pausedOn().toString())
                    .put("until", text(p.resumedOn()))
                    .put("reason", p.reason());
        }
        var extensions = node.putArray("extensions");
        for (var e : c.extensions()) {
            extensions
                    .addObject()
                    .put("days", e.days())
                    .put("reason", e.reason())
                    .put("approver", e.approver())
                    .put("grantedOn", e.grantedOn().toString());
        }
        return node;
    }

    private static @Nullable String text(@Nullable LocalDate date) {
        return date == null ? null : date.toString();
    }
}
