package org.kaifang.cluster;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scheduled jobs' locks. A method marked {@code @SchedulerLock(name = …)} runs only if this node takes the job's
 * row in {@code cluster.scheduler_lock}; a node that finds it held skips that run. Times come from the database
 * ({@code usingDbTime}), so nodes whose clocks differ still agree on when a lock ends. A lock is held at most
 * {@code lockAtMostFor} (thirty minutes unless the job says otherwise), so a node killed while holding one blocks the
 * job only that long.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class ClusterConfiguration {

    @Bean
    LockProvider schedulerLocks(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("cluster.scheduler_lock")
                .usingDbTime()
                .build());
    }
}
