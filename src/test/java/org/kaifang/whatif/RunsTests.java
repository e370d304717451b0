package org.kaifang.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kaifang.rules.RulePackRef;
import org.kaifang.testing.Databases;
import org.kaifang.testing.Databases.Database;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What lets several nodes share what-if runs (V24), on H2 and PostgreSQL: a run is marked failed only once its heart
 * has been silent for the given time, never while its node beats it; a run marked failed stays failed whatever its
 * node writes afterwards; a cancel asked for anywhere reaches the node that runs it.
 */
class RunsTests {

    static Stream<Database> databases() {
        return Databases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRunIsAbandonedOnlyWhenItsHeartHasBeenSilentForTheGivenTime(Database db) {
        var runs = new Runs(db.dataSource());
        var beating = started(runs);
        var silent = started(runs);
        var done = started(runs);
        assertThat(runs.progress(done, RunStatus.DONE, 5, 0, 5, 1, 1, 0, null, Instant.now()))
                .isTrue();
        silence(db, silent, Duration.ofSeconds(90));
        silence(db, beating, Duration.ofSeconds(90));
        runs.beat(List.of(beating));

        assertThat(runs.abandon(Duration.ofMinutes(1), Instant.now()))
                .as(db.name())
                .isEqualTo(1);

        assertThat(runs.find(silent).orElseThrow()).satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.FAILED);
            assertThat(r.problem()).contains("stopped");
            assertThat(r.finishedAt()).isNotNull();
        });
        assertThat(runs.find(beating).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(runs.find(done).orElseThrow().status()).isEqualTo(RunStatus.DONE);
        assertThat(runs.abandon(Duration.ofMinutes(1), Instant.now()))
                .as("again: nothing")
                .isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void progressBeatsTheHeartAndAnAbandonedRunStaysFailedWhateverItsNodeWritesLater(Database db) {
        var runs = new Runs(db.dataSource());
        var id = started(runs);
        silence(db, id, Duration.ofSeconds(90));
        assertThat(runs.progress(id, RunStatus.RUNNING, 10, 0, 10, 2, 1, 0, null, null))
                .isTrue();
        assertThat(runs.abandon(Duration.ofMinutes(1), Instant.now()))
                .as("its page of progress just beat its heart")
                .isZero();

        silence(db, id, Duration.ofSeconds(90));
        assertThat(runs.abandon(Duration.ofMinutes(1), Instant.now())).isEqualTo(1);
        assertThat(runs.progress(id, RunStatus.RUNNING, 20, 0, 20, 2, 2, 0, null, null))
                .as("the node wakes up and writes a page")
                .isFalse();
        assertThat(runs.progress(id, RunStatus.DONE, 30, 0, 30, 2, 3, 0, null, Instant.now()))
                .isFalse();
        assertThat(runs.find(id).orElseThrow()).satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.FAILED);
            assertThat(r.subjects()).as("what it had when abandoned").isEqualTo(10);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aCancelAskedForOnAnyNodeIsSeenByTheNodeThatRunsItAndOnlyWhileItRuns(Database db) {
        var runs = new Runs(db.dataSource());
        var asked = started(runs);
        var other = started(runs);
        var done = started(runs);
        runs.progress(done, RunStatus.DONE, 1, 0, 1, 1, 0, 0, null, Instant.now());

        assertThat(runs.requestCancel(asked)).isTrue();
        assertThat(runs.requestCancel(done)).as("finished: nothing to cancel").isFalse();
        assertThat(runs.requestCancel(UUID.randomUUID())).isFalse();

        assertThat(runs.cancelRequested(List.of(asked, other, done))).containsExactly(asked);
        assertThat(runs.cancelRequested(List.of())).isEmpty();
    }

    private static UUID started(Runs runs) {
        var run = Run.started(
                "org-1",
                "registrar",
                "bundled:twenty-cities-2025",
                new RulePackRef("candidate", "2025.1", "sha256:a"),
                new RulePackRef("live", "2024.3", "sha256:b"),
                LocalDate.parse("2025-09-01"),
                Instant.now(),
                100);
        runs.create(run);
        return run.id();
    }

    /** Sets the run's last heartbeat {@code ago} before the database's now, as if its node had gone quiet. */
    private static void silence(Database db, UUID id, Duration ago) {
        JdbcClient.create(db.dataSource())
                .sql(
                        "update whatif.run set heartbeat_at = current_timestamp - cast(:seconds as integer) * interval '1' second"
                                + " where id = :id")
                .param("seconds", ago.toSeconds())
                .param("id", id)
                .update();
    }
}
