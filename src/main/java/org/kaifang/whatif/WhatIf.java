package org.kaifang.whatif;

import static java.util.concurrent.TimeUnit.SECONDS;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.kaifang.accounts.CurrentUser;
import org.kaifang.accounts.Role;
import org.kaifang.eligibility.EligibilityCheck;
import org.kaifang.eligibility.EligibilityEngine;
import org.kaifang.rules.RulePackRejected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * The what-if module's API: starts runs of the current pack against a candidate, one at a time on a background thread
 * of this node, tells listeners their progress, cancels them, and reads what they found.
 *
 * <p>Runs belong to the organisation of the staff member who started them: the regulator's staff see their own
 * organisation's runs, administrators every run (those started from the command line among them).
 */
@Service
public class WhatIf {

    /** The organisation runs started from the command line are stored under. */
    public static final String COMMAND_LINE = "command-line";

    private static final Logger log = LoggerFactory.getLogger(WhatIf.class);

    private final Candidates candidates;
    private final Runs runs;
    private final SubjectSource subjects;
    private final EligibilityCheck eligibility;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "whatif");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<UUID, Live> live = new ConcurrentHashMap<>();
    private final Map<Consumer<Run>, java.util.concurrent.ScheduledFuture<?>> watches = new ConcurrentHashMap<>();
    private final java.util.concurrent.ScheduledExecutorService watcher =
            Executors.newSingleThreadScheduledExecutor(r -> {
                var thread = new Thread(r, "whatif-watch");
                thread.setDaemon(true);
                return thread;
            });

    WhatIf(Candidates candidates, Runs runs, Subjects subjects, EligibilityCheck eligibility, Clock clock) {
        this.candidates = candidates;
        this.runs = runs;
        this.subjects = subjects;
        this.eligibility = eligibility;
        this.clock = clock;
    }

    /** A running run on this node: its latest state, its cancel flag and who listens. */
    private static final class Live {
        volatile Run run;
        final AtomicBoolean cancelled = new AtomicBoolean();
        final List<Consumer<Run>> listeners = new CopyOnWriteArrayList<>();

        Live(Run run) {
            this.run = run;
        }
    }

    /**
     * A run whose node stopped will never finish: once its heart has not beaten for {@link #SILENCE}, mark it failed
     * so that nobody waits for it. Every node does this, at start-up and every {@link #BEAT} seconds; a run on a node
     * that is alive beats every {@link #BEAT} seconds ({@link #beat}) and with every page, so it is never marked.
     */
    @EventListener(ApplicationReadyEvent.class)
    void abandonOrphans() {
        var abandoned = runs.abandon(SILENCE, clock.instant());
        if (abandoned > 0) {
            log.warn("Marked {} what-if run(s) failed: the server running them stopped", abandoned);
        }
    }

    /** How long a run's heart may be silent before another node marks it failed. */
    static final java.time.Duration SILENCE = java.time.Duration.ofMinutes(1);

    /** Seconds between heartbeats of the runs waiting or working on this node. */
    static final long BEAT = 15;

    /**
     * Beats the heart of this node's runs and marks failed the runs of nodes that have stopped. (A cancel asked for on
     * another node is picked up by the run itself, with its next page: {@link #publish}.)
     */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelay = BEAT, initialDelay = BEAT, timeUnit = SECONDS)
    void beat() {
        try {
            runs.beat(List.copyOf(live.keySet()));
            abandonOrphans();
        } catch (RuntimeException e) {
            // The database may be briefly unavailable; the next beat tries again, well within SILENCE.
            log.warn("What-if heartbeat failed: {}", e.toString());
        }
    }

    /** The live pack: judges the current side of every run. */
    org.kaifang.rules.RulePack pack() {
        return eligibility.pack();
    }

    /** The bundled candidates' names. */
    List<String> bundledCandidates() {
        return candidates.bundled();
    }

    Candidates candidates() {
        return candidates;
    }

    /** Starts a run for {@code user}'s organisation in the background and returns it as started. */
    Run start(CurrentUser user, Candidate candidate, LocalDate asOf) {
        var run = create(user.organisationId().toString(), user.username().toString(), candidate, asOf);
        var state = new Live(run);
        live.put(run.id(), state);
        worker.submit(() -> execute(state, candidate, subjects));
        return run;
    }

    private Run create(String organisation, String startedBy, Candidate candidate, LocalDate asOf) {
        var run = Run.started(
                organisation,
                startedBy,
                candidate.source(),
                candidate.pack().ref(),
                eligibility.pack().ref(),
                asOf,
                clock.instant(),
                subjects.estimate());
        runs.create(run);
        return run;
    }

    private void execute(Live state, Candidate candidate, SubjectSource source) {
        var run = state.run;
        var comparison = new Comparison(eligibility.engine(), new EligibilityEngine(candidate.pack()), run.asOf());
        var sink = new Execution.Sink() {
            @Override
            public void changes(long firstSeq, List<Change> changes) {
                runs.add(run.id(), firstSeq, changes);
            }

            @Override
            public void progress(Execution.Tally tally) {
                publish(state, RunStatus.RUNNING, tally, null);
            }
        };
        var execution = new Execution(source, comparison, sink, state.cancelled);
        try {
            var complete = execution.execute();
            publish(state, complete ? RunStatus.DONE : RunStatus.CANCELLED, execution.tally(), null);
        } catch (RuntimeException e) {
            log.warn("What-if run {} failed", run.id(), e);
            publish(
                    state,
                    RunStatus.FAILED,
                    execution.tally(),
                    "the run failed: " + e.getClass().getSimpleName());
        } finally {
            live.remove(run.id());
        }
    }

    private void publish(
            Live state, RunStatus status, Execution.Tally t, @org.jspecify.annotations.Nullable String problem) {
        var finishedAt = status.finished() ? clock.instant() : null;
        var held = runs.progress(
                state.run.id(),
                status,
                t.subjects(),
                t.skipped(),
                t.services(),
                t.distinctInputs(),
                t.gains(),
                t.losses(),
                problem,
                finishedAt);
        if (!held) {
            // Marked failed by another node (this one was silent for a minute): stop, and tell listeners what is
            // stored, which is final.
            state.cancelled.set(true);
            var stored = runs.find(state.run.id());
            if (stored.isPresent()) {
                state.run = stored.get();
                tell(state);
            }
            return;
        }
        if (status == RunStatus.RUNNING
                && !runs.cancelRequested(List.of(state.run.id())).isEmpty()) {
            // Asked for on another node.
            state.cancelled.set(true);
        }
        var r = state.run;
        state.run = new Run(
                r.id(),
                r.organisation(),
                r.startedBy(),
                r.candidateSource(),
                r.candidateVersion(),
                r.candidateDigest(),
                r.currentVersion(),
                r.currentDigest(),
                r.asOf(),
                status,
                r.startedAt(),
                finishedAt,
                r.estimate(),
                t.subjects(),
                t.skipped(),
                t.services(),
                t.distinctInputs(),
                t.gains(),
                t.losses(),
                problem);
        tell(state);
    }

    private static void tell(Live state) {
        for (var listener : state.listeners) {
            try {
                listener.accept(state.run);
            } catch (RuntimeException e) {
                state.listeners.remove(listener);
            }
        }
    }

    /**
     * Calls {@code listener} with every change of the run's progress until it finishes; returns whether the run is
     * still running here (when not, the caller has the final state from {@link #find}).
     */
    boolean listen(UUID id, Consumer<Run> listener) {
        var state = live.get(id);
        if (state == null) {
            return watch(id, listener);
        }
        state.listeners.add(listener);
        // The run may have published its last state between the lookup and the add: then nobody would call again.
        if (state.run.status().finished()) {
            state.listeners.remove(listener);
            return false;
        }
        return true;
    }

    void unlisten(UUID id, Consumer<Run> listener) {
        var state = live.get(id);
        if (state != null) {
            state.listeners.remove(listener);
        }
        var watch = watches.remove(listener);
        if (watch != null) {
            watch.cancel(false);
        }
    }

    /**
     * A run on another node: reads it every {@link #WATCH_INTERVAL} and calls {@code listener} when its progress moves,
     * until it finishes (or the listener throws, or unlistens). {@code false} when it is not running.
     */
    private boolean watch(UUID id, Consumer<Run> listener) {
        var first = runs.find(id);
        if (first.isEmpty() || first.get().status().finished()) {
            return false;
        }
        var last = new java.util.concurrent.atomic.AtomicReference<Run>(first.get());
        watches.put(
                listener,
                watcher.scheduleWithFixedDelay(
                        () -> {
                            try {
                                var now = runs.find(id).orElse(null);
                                if (now == null) {
                                    unlisten(id, listener);
                                    return;
                                }
                                if (!now.equals(last.getAndSet(now))) {
                                    listener.accept(now);
                                }
                                if (now.status().finished()) {
                                    unlisten(id, listener);
                                }
                            } catch (RuntimeException e) {
                                unlisten(id, listener);
                            }
                        },
                        WATCH_INTERVAL.toMillis(),
                        WATCH_INTERVAL.toMillis(),
                        java.util.concurrent.TimeUnit.MILLISECONDS));
        return true;
    }

    /** How often a run on another node is read for its listeners here. */
    static final java.time.Duration WATCH_INTERVAL = java.time.Duration.ofSeconds(1);

    /**
     * Asks the run to stop, on this node or, through the database, on the node that runs it; {@code false} when it is
     * not running anywhere.
     */
    boolean cancel(Run run) {
        var state = live.get(run.id());
        if (state == null) {
            return runs.requestCancel(run.id());
        }
        state.cancelled.set(true);
        return true;
    }

    /** The run with id {@code id} as written in a path, if there is one and {@code user} may see it. */
    Optional<Run> find(CurrentUser user, String id) {
        try {
            return find(user, UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The run, if {@code user} may see it: its organisation's staff, or an administrator. */
    Optional<Run> find(CurrentUser user, UUID id) {
        var state = live.get(id);
        var run = state != null ? Optional.of(state.run) : runs.find(id);
        return run.filter(r -> maySee(user, r));
    }

    static boolean maySee(CurrentUser user, Run run) {
        return user.has(Role.ADMIN)
                || run.organisation().equals(user.organisationId().toString());
    }

    /** The runs {@code user} may see, newest first. */
    List<Run> runs(CurrentUser user) {
        var list = new ArrayList<Run>(runs.of(user.organisationId().toString(), 50));
        if (user.has(Role.ADMIN)) {
            list.addAll(runs.of(COMMAND_LINE, 50));
            list.sort(java.util.Comparator.comparing(Run::startedAt).reversed());
        }
        return list.stream()
                .map(r -> live.containsKey(r.id()) ? live.get(r.id()).run : r)
                .toList();
    }

    /** Gains and losses by service and area. */
    Report report(Run run) {
        return new Report(run, runs.groups(run.id()));
    }

    /** A keyset page of the run's changes, for the CSV and the list of affected enterprises. */
    List<Runs.StoredChange> changes(Run run, long afterSeq, int limit) {
        return runs.changes(run.id(), afterSeq, limit);
    }

    /**
     * The per-rule difference between the two determinations of one enterprise's changed services, judged again now
     * from the facts the run stored.
     *
     * @throws RulePackRejected when the candidate can no longer be loaded
     */
    EnterpriseDiff diff(Run run, String subjectRef) {
        var stored = runs.changesOf(run.id(), subjectRef);
        var candidate = candidates.reload(run.candidateSource());
        var notes = new ArrayList<String>();
        if (!candidate.ref().digest().equals(run.candidateDigest())) {
            notes.add("the candidate has changed since the run (" + run.candidateDigest() + " then, "
                    + candidate.ref().digest() + " now)");
        }
        if (!eligibility.pack().ref().digest().equals(run.currentDigest())) {
            notes.add("the live pack has changed since the run (" + run.currentVersion() + " then, "
                    + eligibility.pack().ref().version() + " now)");
        }
        var comparison = new Comparison(eligibility.engine(), new EligibilityEngine(candidate), run.asOf());
        return EnterpriseDiff.of(stored, comparison, notes);
    }

    /**
     * Runs a what-if of the candidate pack in {@code directory} as of {@code asOf} on this thread, for the command line:
     * validates the candidate (throwing {@link RulePackRejected} with every problem), stores the run under
     * {@link #COMMAND_LINE}, tells {@code progress} after every page, and returns the summary.
     */
    public Summary runHere(Path directory, LocalDate asOf, Consumer<String> progress) {
        var candidate = candidates.directory(directory);
        var run = create(COMMAND_LINE, "kaifang whatif", candidate, asOf);
        var state = new Live(run);
        live.put(run.id(), state);
        // A line every five per cent: a million holders make a thousand pages, too many lines for a terminal.
        var printed = new java.util.concurrent.atomic.AtomicInteger(-5);
        state.listeners.add(r -> {
            if (r.percent() >= printed.get() + 5 || r.status().finished()) {
                printed.set(r.percent());
                progress.accept(String.format(
                        "%,d subjects judged (%d%% of at most %,d), %,d gains, %,d losses",
                        r.subjects() + r.skipped(), r.percent(), r.estimate(), r.gains(), r.losses()));
            }
        });
        execute(state, candidate, subjects);
        var finished = runs.find(run.id()).orElseThrow();
        var lines = new ArrayList<String>();
        for (var g : runs.groups(run.id())) {
            lines.add(String.format(
                    "%-5s %-22s %-7s %s -> %s: %,d",
                    g.direction(), g.service(), g.area(), g.current(), g.candidate(), g.count()));
        }
        return new Summary(
                finished.id(),
                finished.status().name(),
                finished.subjects(),
                finished.skipped(),
                finished.distinctInputs(),
                finished.gains(),
                finished.losses(),
                lines);
    }

    /**
     * What a command-line run found.
     *
     * @param groups one line per service, area and change of outcome, with its count
     */
    public record Summary(
            UUID run,
            String status,
            long subjects,
            long skipped,
            long distinctInputs,
            long gains,
            long losses,
            List<String> groups) {}
}
