package org.kaifang.licensing;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the daily licensing jobs (expiry and lapse, then the annual-report sweep) on every node: shortly after midnight in China, and once at start-up so that a node
 * that was down at midnight catches up. Only one node does each day's work: a run takes the job's scheduler lock
 * (org.kaifang.cluster), held for at least a minute so that a node whose clock is a little behind does not start a
 * second run just after the first ended, and each job then claims its day ({@link DailyJobs}), which also keeps a
 * later run on the same day from repeating it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class LicensingConfiguration {

    @Component
    @ConditionalOnProperty(name = "kaifang.licensing.schedule", havingValue = "true", matchIfMissing = true)
    static class ScheduledJobs {

        private static final Logger log = LoggerFactory.getLogger(ScheduledJobs.class);

        private final Expiry expiry;
        private final AnnualReports reports;

        ScheduledJobs(Expiry expiry, AnnualReports reports) {
            this.expiry = expiry;
            this.reports = reports;
        }

        @Scheduled(cron = "${kaifang.licensing.daily-cron:0 5 0 * * *}", zone = "Asia/Shanghai")
        @SchedulerLock(name = "licensing-daily", lockAtLeastFor = "PT1M")
        void daily() {
            run();
        }

        @Scheduled(initialDelayString = "${kaifang.licensing.startup-delay:PT1M}", fixedDelayString = "P3650D")
        @SchedulerLock(name = "licensing-daily", lockAtLeastFor = "PT1M")
        void atStartUp() {
            run();
        }

        private void run() {
            try {
                var lapsed = expiry.runOnce();
                if (lapsed > 0) {
                    log.info("{} licence(s) lapsed at the end of their validity", lapsed);
                }
            } catch (RuntimeException e) {
                // The database may be briefly unavailable; the next run catches up.
                log.warn("The licence expiry job failed: {}", e.toString());
            }
            try {
                var listed = reports.runOnce();
                if (listed > 0) {
                    log.info("{} operator(s) put on the bad list for a missing annual report", listed);
                }
            } catch (RuntimeException e) {
                log.warn("The annual-report sweep failed: {}", e.toString());
            }
        }
    }
}
