package org.kaifang.applications;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kaifang.calendar.ClockUnit;
import org.kaifang.calendar.Extension;
import org.kaifang.calendar.Pause;
import org.kaifang.calendar.StatutoryClock;
import org.kaifang.calendar.TimeLimit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The stored form of an application: one JSON document, written and read field by field. */
final class ApplicationJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ApplicationJson() {}

    static String write(LicenceApplication a) {
        return MAPPER.writeValueAsString(toJson(a));
    }

    static ObjectNode toJson(LicenceApplication a) {
        var root = NODES.objectNode();
        root.put("id", a.id().toString());
        root.put("version", a.version());
        root.put("type", a.type().name());
        root.put("applicant", a.applicant());
        root.put("applicantName", a.applicantName());
        root.put("createdAt", a.createdAt().toString());
        root.put("status", a.status().name());
        root.put("request", a.request());
        if (a.submission() != null) {
            var s = root.putObject("submission");
            s.put("at", a.submission().at().toString());
            s.put("determination", a.submission().determination());
            s.put("overall", a.submission().overall());
            s.put("rulePack", a.submission().rulePack());
        }
        root.put("correction", a.correction());
        if (a.acceptanceClock() != null) {
            root.set("acceptanceClock", clock(a.acceptanceClock()));
        }
        if (a.decisionClock() != null) {
            root.set("decisionClock", clock(a.decisionClock()));
        }
        if (a.recommendation() != null) {
            var r = root.putObject("recommendation");
            r.put("officer", a.recommendation().officer());
            r.put("officerName", a.recommendation().officerName());
            r.put("verdict", a.recommendation().verdict().name());
            r.put("reason", a.recommendation().reason());
            r.put("at", a.recommendation().at().toString());
        }
        if (a.decision() != null) {
            var d = root.putObject("decision");
            d.put("approver", a.decision().approver());
            d.put("approverName", a.decision().approverName());
            d.put("verdict", a.decision().verdict().name());
            d.put("reason", a.decision().reason());
            d.put("at", a.decision().at().toString());
        }
        var history = root.putArray("history");
        for (var step : a.history()) {
            var s = history.addObject();
            s.put("at", step.at().toString());
            s.put("user", step.user());
            s.put("username", step.username());
            s.put("organisation", step.organisation());
            s.put("action", step.action());
            s.put("from", step.from().name());
            s.put("to", step.to().name());
            s.put("reason", step.reason());
        }
        return root;
    }

    static LicenceApplication read(String json) {
        var root = MAPPER.readTree(json);
        var submission = root.get("submission");
        var recommendation = root.get("recommendation");
        var decision = root.get("decision");
        var history = new ArrayList<Step>();
        for (var s : root.get("history")) {
            history.add(new Step(
                    Instant.parse(s.get("at").asString()),
                    s.get("user").asString(),
                    s.get("username").asString(),
                    s.get("organisation").asString(),
                    s.get("action").asString(),
                    ApplicationStatus.valueOf(s.get("from").asString()),
                    ApplicationStatus.valueOf(s.get("to").asString()),
                    text(s.get("reason"))));
        }
        return new LicenceApplication(
                ApplicationId.parse(root.get("id").asString()),
                root.get("version").asLong(),
                ApplicationType.valueOf(root.get("type").asString()),
                root.get("applicant").asString(),
                root.get("applicantName").asString(),
                Instant.parse(root.get("createdAt").asString()),
                ApplicationStatus.valueOf(root.get("status").asString()),
                root.get("request").asString(),
                present(submission)
                        ? new LicenceApplication.Submission(
                                Instant.parse(submission.get("at").asString()),
                                submission.get("determination").asString(),
                                submission.get("overall").asString(),
                                submission.get("rulePack").asString())
                        : null,
                text(root.get("correction")),
                clock(root.get("acceptanceClock")),
                clock(root.get("decisionClock")),
                present(recommendation)
                        ? new LicenceApplication.Recommendation(
                                recommendation.get("officer").asString(),
                                recommendation.get("officerName").asString(),
                                Verdict.valueOf(recommendation.get("verdict").asString()),
                                recommendation.get("reason").asString(),
                                Instant.parse(recommendation.get("at").asString()))
                        : null,
                present(decision)
                        ? new LicenceApplication.Decision(
                                decision.get("approver").asString(),
                                decision.get("approverName").asString(),
                                Verdict.valueOf(decision.get("verdict").asString()),
                                decision.get("reason").asString(),
                                Instant.parse(decision.get("at").asString()))
                        : null,
                history);
    }

    static ObjectNode clock(StatutoryClock c) {
        var node = NODES.objectNode();
        node.put("startedOn", c.startedOn().toString());
        node.put("days", c.limit().days());
        node.put("unit", c.limit().unit().name());
        var pauses = node.putArray("pauses");
        for (var p : c.pauses()) {
            var n = pauses.addObject();
            n.put("pausedOn", p.pausedOn().toString());
            n.put("resumedOn", p.resumedOn() == null ? null : p.resumedOn().toString());
            n.put("reason", p.reason());
        }
        var extensions = node.putArray("extensions");
        for (var e : c.extensions()) {
            var n = extensions.addObject();
            n.put("days", e.days());
            n.put("reason", e.reason());
            n.put("approver", e.approver());
            n.put("grantedOn", e.grantedOn().toString());
        }
        node.put("stoppedOn", c.stoppedOn() == null ? null : c.stoppedOn().toString());
        node.put("stopReason", c.stopReason());
        return node;
    }

    private static @Nullable StatutoryClock clock(@Nullable JsonNode node) {
        if (!present(node)) {
            return null;
        }
        var pauses = new ArrayList<Pause>();
        for (var p : node.get("pauses")) {
            var resumed = text(p.get("resumedOn"));
            pauses.add(new Pause(
                    LocalDate.parse(p.get("pausedOn").asString()),
                    resumed == null ? null : LocalDate.parse(resumed),
                    p.get("reason").asString()));
        }
        var extensions = new ArrayList<Extension>();
        for (var e : node.get("extensions")) {
            extensions.add(new Extension(
                    e.get("days").asInt(),
                    e.get("reason").asString(),
                    e.get("approver").asString(),
                    LocalDate.parse(e.get("grantedOn").asString())));
        }
        var stopped = text(node.get("stoppedOn"));
        return StatutoryClock.restore(
                LocalDate.parse(node.get("startedOn").asString()),
                new TimeLimit(
                        node.get("days").asInt(),
                        ClockUnit.valueOf(node.get("unit").asString())),
                List.copyOf(pauses),
                List.copyOf(extensions),
                stopped == null ? null : LocalDate.parse(stopped),
                text(node.get("stopReason")));
    }

    private static boolean present(@Nullable JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return present(node) ? node.asString() : null;
    }
}
