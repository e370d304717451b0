package org.kaifang.calendar;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A statutory clock: a {@link TimeLimit} counted on the {@link WorkingDayCalendar} from a start event, which pauses
 * while a correction request is outstanding (补正) and resumes on resubmission, can be extended with a reason and an
 * approver, and is stopped when the act it times is done.
 *
 * <p>Counting (docs/calendar.md): it starts the day after the start event; with {@link ClockUnit#WORKING} only working
 * days count; if the last day is not a working day the period ends on the next working day. A pause begun on day P and
 * ended on day R leaves out the days after P up to and including R: P still counts (the clock ran that day), and
 * counting resumes on the day after R, just as it starts the day after the start event. Extensions add their days to
 * the limit.
 *
 * <p>Immutable: each change returns a new clock, and refuses with {@link InvalidClockTransition} what the clock's state
 * does not allow. Events are recorded in date order; none may be dated before the last one. Nothing here reads the
 * system clock: dates are handed in.
 */
public final class StatutoryClock {

    private final LocalDate startedOn;
    private final TimeLimit limit;
    private final List<Pause> pauses;
    private final List<Extension> extensions;
    private final @Nullable LocalDate stoppedOn;
    private final @Nullable String stopReason;

    private StatutoryClock(
            LocalDate startedOn,
            TimeLimit limit,
            List<Pause> pauses,
            List<Extension> extensions,
            @Nullable LocalDate stoppedOn,
            @Nullable String stopReason) {
        this.startedOn = startedOn;
        this.limit = limit;
        this.pauses = List.copyOf(pauses);
        this.extensions = List.copyOf(extensions);
        this.stoppedOn = stoppedOn;
        this.stopReason = stopReason;
    }

    /**
     * A clock as it was stored: its start, limit, pauses, extensions and stop, checked as the transitions check them.
     *
     * @throws InvalidClockTransition when the events are out of order, or a pause other than the last is open
     */
    public static StatutoryClock restore(
            LocalDate startedOn,
            TimeLimit limit,
            List<Pause> pauses,
            List<Extension> extensions,
            @Nullable LocalDate stoppedOn,
            @Nullable String stopReason) {
        for (int i = 0; i < pauses.size(); i++) {
            var pause = pauses.get(i);
            if (pause.pausedOn().isBefore(startedOn)) {
                throw new InvalidClockTransition("A pause on " + pause.pausedOn() + " precedes the start " + startedOn);
            }
            if (pause.open() && i < pauses.size() - 1) {
                throw new InvalidClockTransition("Only the last pause may be open");
            }
        }
        if (stoppedOn != null && stoppedOn.isBefore(startedOn)) {
            throw new InvalidClockTransition("The stop on " + stoppedOn + " precedes the start " + startedOn);
        }
        return new StatutoryClock(startedOn, limit, pauses, extensions, stoppedOn, stopReason);
    }

    /** A clock started by an event on {@code startedOn} (receipt, acceptance, decision…). */
    public static StatutoryClock start(LocalDate startedOn, TimeLimit limit) {
        return new StatutoryClock(startedOn, limit, List.of(), List.of(), null, null);
    }

    /** The day of the start event; counting starts the day after. */
    public LocalDate startedOn() {
        return startedOn;
    }

    /** The limit before extensions. */
    public TimeLimit limit() {
        return limit;
    }

    /** The pauses, in order; only the last can be open. */
    public List<Pause> pauses() {
        return pauses;
    }

    /** The extensions granted, in order. */
    public List<Extension> extensions() {
        return extensions;
    }

    /** The day the clock was stopped, or {@code null}. */
    public @Nullable LocalDate stoppedOn() {
        return stoppedOn;
    }

    /** Why the clock was stopped, or {@code null}. */
    public @Nullable String stopReason() {
        return stopReason;
    }

    /** The days to count: the limit's plus every extension's. */
    public int days() {
        return limit.days() + extensions.stream().mapToInt(Extension::days).sum();
    }

    /** Whether a pause is open. */
    public boolean paused() {
        return !pauses.isEmpty() && pauses.getLast().open();
    }

    /** Whether the clock was stopped. */
    public boolean stopped() {
        return stoppedOn != null;
    }

    /**
     * Pauses the clock (a correction request went out on {@code on}).
     *
     * @throws InvalidClockTransition when the clock is paused or stopped, or {@code on} is before its last event
     */
    public StatutoryClock pause(LocalDate on, String reason) {
        requireText(reason, "reason");
        requireRunning("pause");
        requireInOrder(on);
        var next = new ArrayList<>(pauses);
        next.add(new Pause(on, null, reason));
        return new StatutoryClock(startedOn, limit, next, extensions, null, null);
    }

    /**
     * Resumes a paused clock (the applicant resubmitted on {@code on}); counting goes on from the day after.
     *
     * @throws InvalidClockTransition when the clock is not paused, or is stopped, or {@code on} is before the pause
     */
    public StatutoryClock resume(LocalDate on) {
        if (stopped()) {
            throw new InvalidClockTransition("Cannot resume: the clock was stopped on " + stoppedOn);
        }
        if (!paused()) {
            throw new InvalidClockTransition("Cannot resume: the clock is not paused");
        }
        requireInOrder(on);
        var next = new ArrayList<>(pauses);
        var open = next.removeLast();
        next.add(new Pause(open.pausedOn(), on, open.reason()));
        return new StatutoryClock(startedOn, limit, next, extensions, null, null);
    }

    /**
     * Extends the period by {@code days} in the clock's unit. Allowed while running, paused or overdue.
     *
     * @param days at least 1
     * @throws InvalidClockTransition when the clock is stopped, or {@code on} is before its last event
     * @throws IllegalArgumentException when days is below 1, or the reason or approver is blank
     */
    public StatutoryClock extend(int days, String reason, String approver, LocalDate on) {
        if (days < 1) {
            throw new IllegalArgumentException("an extension adds at least 1 day, not " + days);
        }
        requireText(reason, "reason");
        requireText(approver, "approver");
        if (stopped()) {
            throw new InvalidClockTransition("Cannot extend: the clock was stopped on " + stoppedOn);
        }
        requireInOrder(on);
        var next = new ArrayList<>(extensions);
        next.add(new Extension(days, reason, approver, on));
        return new StatutoryClock(startedOn, limit, pauses, next, null, null);
    }

    /**
     * Stops the clock: the act it times was done, or the matter closed, on {@code on}.
     *
     * @throws InvalidClockTransition when the clock is already stopped, or {@code on} is before its last event
     */
    public StatutoryClock stop(LocalDate on, String reason) {
        requireText(reason, "reason");
        if (stopped()) {
            throw new InvalidClockTransition("Cannot stop: the clock was already stopped on " + stoppedOn);
        }
        requireInOrder(on);
        return new StatutoryClock(startedOn, limit, pauses, extensions, on, reason);
    }

    /**
     * The date the period ends, or empty while the clock is paused (it depends on when it resumes).
     *
     * @throws YearNotCovered when the count reaches a year the calendar has no notice for
     */
    public Optional<LocalDate> due(WorkingDayCalendar calendar) {
        if (paused()) {
            return Optional.empty();
        }
        return Optional.of(
                LocalDate.ofEpochDay(calendar.due(startedOn.toEpochDay(), days(), limit.unit(), closedPauses())));
    }

    /**
     * The clock as it stood at the end of {@code date}: only the events dated on or before it (a pause that ended later
     * is open again).
     */
    public StatutoryClock asOf(LocalDate date) {
        var knownPauses = new ArrayList<Pause>();
        for (var pause : pauses) {
            if (!pause.pausedOn().isAfter(date)) {
                var resumed = pause.resumedOn();
                knownPauses.add(
                        resumed != null && resumed.isAfter(date)
                                ? new Pause(pause.pausedOn(), null, pause.reason())
                                : pause);
            }
        }
        var knownExtensions =
                extensions.stream().filter(e -> !e.grantedOn().isAfter(date)).toList();
        var stopped = stoppedOn != null && !stoppedOn.isAfter(date);
        return new StatutoryClock(
                startedOn,
                limit,
                knownPauses,
                knownExtensions,
                stopped ? stoppedOn : null,
                stopped ? stopReason : null);
    }

    /**
     * Where the clock stands at the end of {@code date}, from the events dated on or before it.
     *
     * @throws IllegalArgumentException when {@code date} is before the start event
     * @throws YearNotCovered when the count reaches a year the calendar has no notice for
     */
    public ClockState stateOn(LocalDate date, WorkingDayCalendar calendar) {
        if (date.isBefore(startedOn)) {
            throw new IllegalArgumentException("The clock started on " + startedOn + ", after " + date);
        }
        var known = asOf(date);
        var stop = known.stoppedOn;
        if (stop != null) {
            var due = known.due(calendar).orElse(null);
            return new ClockState.Stopped(
                    stop, known.stopReason == null ? "" : known.stopReason, due, due == null || !stop.isAfter(due));
        }
        if (known.paused()) {
            var pause = known.pauses.getLast();
            int counted = calendar.counted(
                    startedOn.toEpochDay(), pause.pausedOn().toEpochDay(), limit.unit(), known.closedPauses());
            return new ClockState.Paused(pause.pausedOn(), pause.reason(), Math.max(0, known.days() - counted));
        }
        var due = known.due(calendar).orElseThrow();
        if (date.isAfter(due)) {
            return new ClockState.Overdue(due, (int) ChronoUnit.DAYS.between(due, date));
        }
        return new ClockState.Running(
                due, calendar.counted(date.toEpochDay(), due.toEpochDay(), limit.unit(), known.closedPauses()));
    }

    /**
     * Days left at the end of {@code date} in the clock's unit: to the due date while running, still to count while
     * paused, 0 when overdue or stopped.
     */
    public int daysLeft(LocalDate date, WorkingDayCalendar calendar) {
        return switch (stateOn(date, calendar)) {
            case ClockState.Running r -> r.daysLeft();
            case ClockState.Paused p -> p.daysLeft();
            case ClockState.Overdue o -> 0;
            case ClockState.Stopped s -> 0;
        };
    }

    private WorkingDayCalendar.Pauses closedPauses() {
        var closed = pauses.stream().filter(p -> !p.open()).toList();
        var froms = new long[closed.size()];
        var untils = new long[closed.size()];
        for (int i = 0; i < closed.size(); i++) {
            froms[i] = closed.get(i).pausedOn().toEpochDay();
            untils[i] = Objects.requireNonNull(closed.get(i).resumedOn()).toEpochDay();
        }
        return new WorkingDayCalendar.Pauses(froms, untils);
    }

    private void requireRunning(String action) {
        if (stopped()) {
            throw new InvalidClockTransition("Cannot " + action + ": the clock was stopped on " + stoppedOn);
        }
        if (paused()) {
            throw new InvalidClockTransition("Cannot " + action + ": the clock is already paused since "
                    + pauses.getLast().pausedOn());
        }
    }

    private void requireInOrder(LocalDate on) {
        var last = lastEvent();
        if (on.isBefore(last)) {
            throw new InvalidClockTransition(
                    "Events are recorded in date order: " + on + " is before the clock's last event on " + last);
        }
    }

    private LocalDate lastEvent() {
        var last = startedOn;
        for (var pause : pauses) {
            last = later(last, pause.pausedOn());
            var resumed = pause.resumedOn();
            if (resumed != null) {
                last = later(last, resumed);
            }
        }
        for (var extension : extensions) {
            last = later(last, extension.grantedOn());
        }
        return last;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return b.isAfter(a) ? b : a;
    }

    private static void requireText(String text, String what) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("the " + what + " must not be blank");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StatutoryClock c
                && startedOn.equals(c.startedOn)
                && limit.equals(c.limit)
                && pauses.equals(c.pauses)
                && extensions.equals(c.extensions)
                && Objects.equals(stoppedOn, c.stoppedOn)
                && Objects.equals(stopReason, c.stopReason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(startedOn, limit, pauses, extensions, stoppedOn, stopReason);
    }

    @Override
    public String toString() {
        return "StatutoryClock[" + startedOn + " +" + days() + " " + limit.unit() + ", pauses " + pauses
                + ", extensions " + extensions + (stoppedOn == null ? "" : ", stopped " + stoppedOn) + "]";
    }
}
