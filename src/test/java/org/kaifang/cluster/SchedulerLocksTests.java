package org.kaifang.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kaifang.testing.Databases;
import org.kaifang.testing.Databases.Database;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scheduled jobs' lock store on every database Kaifang runs on (H2 as well as PostgreSQL): two nodes' providers
 * over one database, as {@link ClusterConfiguration} makes them, with the lock times taken from the database's clock.
 */
class SchedulerLocksTests {

    static Stream<Database> databases() {
        return Databases.all().stream();
    }

    static LockConfiguration job(Duration atMost, Duration atLeast) {
        return new LockConfiguration(Instant.now(), "licensing-daily", atMost, atLeast);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aJobLockedByOneNodeCannotBeTakenByAnotherUntilItIsReleased(Database database) {
        LockProvider a = new ClusterConfiguration().schedulerLocks(database.dataSource());
        LockProvider b = new ClusterConfiguration().schedulerLocks(database.dataSource());

        var held = a.lock(job(Duration.ofMinutes(5), Duration.ZERO));
        assertThat(held).isPresent();
        assertThat(b.lock(job(Duration.ofMinutes(5), Duration.ZERO)))
                .as("while A holds it")
                .isEmpty();
        assertThat(a.lock(job(Duration.ofMinutes(5), Duration.ZERO)))
                .as("not re-entrant either")
                .isEmpty();

        held.orElseThrow().unlock();
        var taken = b.lock(job(Duration.ofMinutes(5), Duration.ZERO));
        assertThat(taken).as("once released").isPresent();
        taken.orElseThrow().unlock();
        assertThat(JdbcClient.create(database.dataSource())
                        .sql("select count(*) from cluster.scheduler_lock where name = 'licensing-daily'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aJobHeldAtLeastAMinuteStaysLockedAfterAQuickRunSoThatALateNodeDoesNotRepeatIt(Database database) {
        LockProvider a = new ClusterConfiguration().schedulerLocks(database.dataSource());
        LockProvider b = new ClusterConfiguration().schedulerLocks(database.dataSource());

        a.lock(job(Duration.ofMinutes(30), Duration.ofMinutes(1))).orElseThrow().unlock();

        assertThat(b.lock(job(Duration.ofMinutes(30), Duration.ofMinutes(1)))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aLockLeftByANodeThatDiedEndsAfterItsLongestHold(Database database) throws InterruptedException {
        LockProvider a = new ClusterConfiguration().schedulerLocks(database.dataSource());
        LockProvider b = new ClusterConfiguration().schedulerLocks(database.dataSource());

        // Taken and never released, as by a node killed in the middle of the job.
        // Long enough that B's first try comes before it ends on a loaded machine.
        assertThat(a.lock(job(Duration.ofSeconds(3), Duration.ZERO))).isPresent();
        assertThat(b.lock(job(Duration.ofSeconds(3), Duration.ZERO))).isEmpty();
        Thread.sleep(4_000);

        assertThat(b.lock(job(Duration.ofMinutes(5), Duration.ZERO))).isPresent();
    }
}
