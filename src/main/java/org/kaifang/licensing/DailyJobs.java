package org.kaifang.licensing;

import java.net.InetAddress;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims a day's run of a daily job (table {@code licensing.job_run}) so that, with several nodes running the same
 * schedule, exactly one does each day's work: the claim is a conditional UPDATE that moves {@code last_day} forward
 * only if it is still behind, and only one node's UPDATE can find it so. The claim commits at once, in a transaction of
 * its own.
 */
@Component
class DailyJobs {

    private static final LocalDate NEVER = LocalDate.of(2000, 1, 1);

    private final JdbcClient jdbc;
    private final TransactionTemplate separately;
    private final Clock clock;
    private final String node;

    DailyJobs(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.node = nodeName();
    }

    /** Whether this node won {@code day}'s run of {@code job}: {@code false} when another node (or an earlier run) has. */
    boolean claim(String job, LocalDate day) {
        try {
            separately.executeWithoutResult(
                    s -> jdbc.sql("insert into licensing.job_run (job, last_day) select :job, :never where not exists"
                                    + " (select 1 from licensing.job_run where job = :job)")
                            .param("job", job)
                            .param("never", NEVER)
                            .update());
        } catch (DuplicateKeyException e) {
            // Another node created the row at the same moment; the update below decides.
        }
        Integer claimed = separately.execute(s -> jdbc.sql("""
                        update licensing.job_run set last_day = :day, run_by = :node, run_at = :at
                         where job = :job and last_day < :day""")
                .param("day", day)
                .param("node", node)
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .param("job", job)
                .update());
        return claimed != null && claimed == 1;
    }

    private static String nodeName() {
        try {
            return InetAddress.getLocalHost().getHostName() + "/"
                    + UUID.randomUUID().toString().substring(0, 8);
        } catch (java.io.IOException e) {
            return "node/" + UUID.randomUUID().toString().substring(0, 8);
        }
    }
}
