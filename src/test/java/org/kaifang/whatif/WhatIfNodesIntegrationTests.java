package org.kaifang.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.kaifang.accounts.Accounts;
import org.kaifang.testing.Actors;
import org.kaifang.testing.DemoRegisterContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A run that another node is running, as this node sees it (its row written through {@link Runs}, as that node would):
 * this node's start-up and heartbeat leave it alone while its heart beats and mark it failed once silent; a cancel
 * asked for here reaches it through the database; a listener here is told its progress until it finishes. Its
 * context is {@link DemoRegisterContext}'s.
 */
@DemoRegisterContext
class WhatIfNodesIntegrationTests {

    @Autowired
    WhatIf whatIf;

    @Autowired
    Runs runs;

    @Autowired
    Accounts accounts;

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void aRunOnAnotherNodeIsLeftAloneWhileItsHeartBeatsAndMarkedFailedOnceSilent() {
        var elsewhere = runOnAnotherNode();

        whatIf.abandonOrphans();
        whatIf.beat();
        assertThat(runs.find(elsewhere).orElseThrow().status())
                .as("this node's start-up and heartbeat leave a live node's run alone")
                .isEqualTo(RunStatus.RUNNING);

        JdbcClient.create(dataSource)
                .sql("update whatif.run set heartbeat_at = current_timestamp - interval '2' minute where id = :id")
                .param("id", elsewhere)
                .update();
        whatIf.beat();
        assertThat(runs.find(elsewhere).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void aCancelAskedForHereReachesTheNodeThatRunsIt() {
        var registrar = Actors.currentUser(accounts, "registrar");
        var elsewhere = runOnAnotherNode();
        var run = whatIf.find(registrar, elsewhere).orElseThrow();

        assertThat(whatIf.cancel(run)).as("running, on another node").isTrue();
        assertThat(runs.cancelRequested(java.util.List.of(elsewhere))).containsExactly(elsewhere);

        runs.progress(elsewhere, RunStatus.CANCELLED, 3, 0, 3, 1, 0, 0, null, Instant.now());
        assertThat(whatIf.cancel(whatIf.find(registrar, elsewhere).orElseThrow()))
                .as("finished: nothing to cancel")
                .isFalse();
    }

    @Test
    void aListenerHereIsToldTheProgressOfARunOnAnotherNodeUntilItFinishes() throws InterruptedException {
        var elsewhere = runOnAnotherNode();
        var told = new LinkedBlockingQueue<Run>();

        assertThat(whatIf.listen(elsewhere, told::add)).isTrue();
        runs.progress(elsewhere, RunStatus.RUNNING, 40, 0, 40, 3, 2, 0, null, null);
        var progress = told.poll(10, TimeUnit.SECONDS);
        assertThat(progress).isNotNull();
        assertThat(progress.subjects()).isEqualTo(40);
        assertThat(progress.status()).isEqualTo(RunStatus.RUNNING);

        runs.progress(elsewhere, RunStatus.DONE, 100, 0, 100, 3, 5, 1, null, Instant.now());
        Run last = null;
        for (var r = told.poll(10, TimeUnit.SECONDS); r != null; r = told.poll(3, TimeUnit.SECONDS)) {
            last = r;
        }
        assertThat(last).isNotNull();
        assertThat(last.status()).isEqualTo(RunStatus.DONE);
        assertThat(last.gains()).isEqualTo(5);

        assertThat(whatIf.listen(elsewhere, told::add))
                .as("finished: nothing to listen to")
                .isFalse();
    }

    /** A run as another node would have started it: stored, running, not on this node. */
    private UUID runOnAnotherNode() {
        var registrar = Actors.currentUser(accounts, "registrar");
        var run = Run.started(
                registrar.organisationId().toString(),
                "registrar",
                "bundled:twenty-cities-2025",
                new org.kaifang.rules.RulePackRef("candidate", "candidate", "sha256:candidate"),
                whatIf.pack().ref(),
                LocalDate.parse("2025-09-01"),
                Instant.now(),
                100);
        runs.create(run);
        return run.id();
    }
}
