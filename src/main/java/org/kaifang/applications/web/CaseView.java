package org.kaifang.applications.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.Role;
import org.kaifang.applications.Actor;
import org.kaifang.applications.ApplicationStatus;
import org.kaifang.applications.LicenceApplication;
import org.kaifang.calendar.ClockState;
import org.kaifang.calendar.StatutoryClock;
import org.kaifang.calendar.WorkingDayCalendar;
import org.kaifang.calendar.YearNotCovered;

/**
 * What the case page shows: the application, its clocks as of today, the steps the signed-in user may take now, and
 * the errors of a step just tried (field → message key) or the conflict that stopped it.
 */
public record CaseView(
        LicenceApplication application,
        List<ClockView> clocks,
        List<String> actions,
        Map<String, String> errors,
        @Nullable String failedAction,
        @Nullable String conflict) {

    /** A clock as the page shows it: which, its state and due date, and what is left or overdue. */
    public record ClockView(
            String name,
            String state,
            @Nullable LocalDate due,
            int daysLeft,
            int daysOverdue,
            int days,
            String unit,
            int pauses,
            int extensions) {}

    static CaseView of(
            LicenceApplication a,
            Actor actor,
            WorkingDayCalendar calendar,
            LocalDate today,
            Map<String, String> errors,
            @Nullable String failedAction,
            @Nullable String conflict) {
        var clocks = new ArrayList<ClockView>();
        if (a.acceptanceClock() != null) {
            clocks.add(clock("acceptance", a.acceptanceClock(), calendar, today));
        }
        if (a.decisionClock() != null) {
            clocks.add(clock("decision", a.decisionClock(), calendar, today));
        }
        return new CaseView(a, clocks, actions(a, actor), errors, failedAction, conflict);
    }

    private static final java.time.format.DateTimeFormatter BEIJING =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(LicenceApplication.CHINA);

    /** A moment as Beijing time, as the parties read it. */
    public String time(java.time.Instant at) {
        return BEIJING.format(at);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    /** Whether the signed-in user may re-run the determination: the regulator's staff. */
    public boolean canRerun() {
        return actions.contains("rerun");
    }

    public boolean can(String action) {
        return actions.contains(action);
    }

    /** The steps offered to {@code actor}; the aggregate still checks each one when it is taken. */
    private static List<String> actions(LicenceApplication a, Actor actor) {
        var own = actor.organisation().equals(a.applicant());
        var out = new ArrayList<String>();
        var s = a.status();
        if (own && actor.has(Role.APPLICANT)) {
            if (s == ApplicationStatus.DRAFT) {
                out.add("submit");
            }
            if (s == ApplicationStatus.CORRECTION_REQUESTED) {
                out.add("resubmit");
            }
            if (!s.closed()) {
                out.add("withdraw");
            }
        }
        if (!own && actor.has(Role.CASE_OFFICER)) {
            if (s == ApplicationStatus.SUBMITTED) {
                out.add("request-correction");
                out.add("accept");
            }
            if (s == ApplicationStatus.ACCEPTED) {
                out.add("start-review");
            }
            if (s == ApplicationStatus.UNDER_REVIEW) {
                out.add("recommend");
            }
        }
        if (!own && (actor.has(Role.CASE_OFFICER) || actor.has(Role.APPROVER) || actor.has(Role.ADMIN))) {
            out.add("rerun");
        }
        if (!own && actor.has(Role.APPROVER)) {
            var recommendedByMe =
                    a.recommendation() != null && a.recommendation().officer().equals(actor.user());
            if (s == ApplicationStatus.RECOMMENDED && !recommendedByMe) {
                out.add("decide");
            }
            if (s == ApplicationStatus.ACCEPTED
                    || s == ApplicationStatus.UNDER_REVIEW
                    || s == ApplicationStatus.RECOMMENDED) {
                out.add("extend");
            }
        }
        return out;
    }

    private static ClockView clock(String name, StatutoryClock c, WorkingDayCalendar calendar, LocalDate today) {
        var on = today.isBefore(c.startedOn()) ? c.startedOn() : today;
        try {
            return switch (c.stateOn(on, calendar)) {
                case ClockState.Running r ->
                    new ClockView(
                            name,
                            "RUNNING",
                            r.due(),
                            r.daysLeft(),
                            0,
                            c.days(),
                            c.limit().unit().name(),
                            c.pauses().size(),
                            c.extensions().size());
                case ClockState.Paused p ->
                    new ClockView(
                            name,
                            "PAUSED",
                            null,
                            p.daysLeft(),
                            0,
                            c.days(),
                            c.limit().unit().name(),
                            c.pauses().size(),
                            c.extensions().size());
                case ClockState.Overdue o ->
                    new ClockView(
                            name,
                            "OVERDUE",
                            o.due(),
                            0,
                            o.daysOverdue(),
                            c.days(),
                            c.limit().unit().name(),
                            c.pauses().size(),
                            c.extensions().size());
                case ClockState.Stopped st ->
                    new ClockView(
                            name,
                            st.inTime() ? "STOPPED" : "STOPPED_LATE",
                            st.due(),
                            0,
                            0,
                            c.days(),
                            c.limit().unit().name(),
                            c.pauses().size(),
                            c.extensions().size());
            };
        } catch (YearNotCovered e) {
            return new ClockView(
                    name,
                    "UNKNOWN",
                    null,
                    0,
                    0,
                    c.days(),
                    c.limit().unit().name(),
                    c.pauses().size(),
                    c.extensions().size());
        }
    }
}
