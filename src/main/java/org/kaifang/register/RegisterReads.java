package org.kaifang.register;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Where the public register is read from: a streaming replica of the database when {@code kaifang.register.replica.url}
 * ({@code KAIFANG_REGISTER_REPLICA_URL}) names one, otherwise the database itself. Searches, licence and history pages,
 * the verification page, the credit lists and the bulk data then load the replica, and only the register's writes
 * (from licensing's events, in the publisher's transaction) reach the primary. A replica lags its primary by its
 * replication delay: a licence revoked a moment ago may still show as in force for that moment (docs/register.md).
 * While the replica gives no connection, reads fall back to the primary ({@link Fallback}).
 * While the replica gives no connection, reads fall back to the primary ({@link Fallback}).
 *
 * @param dataSource reads go here
 * @param transactions transactions on {@code dataSource} (a search plans in one)
 * @param replica whether that is a replica rather than the database itself
 */
record RegisterReads(DataSource dataSource, PlatformTransactionManager transactions, boolean replica)
        implements AutoCloseable {

    /** Reads from the database itself. */
    static RegisterReads of(DataSource dataSource) {
        return new RegisterReads(dataSource, new DataSourceTransactionManager(dataSource), false);
    }

    /** Closes the replica's pool; the database itself belongs to Spring. */
    @Override
    public void close() {
        if (replica && dataSource instanceof AutoCloseable pool) {
            try {
                pool.close();
            } catch (Exception e) {
                // Shutting down: nothing left to do with it.
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Configured {

        @Bean
        RegisterReads registerReads(DataSource dataSource, Environment environment) {
            var url = environment.getProperty("kaifang.register.replica.url", "");
            if (url.isBlank()) {
                return of(dataSource);
            }
            var replica = new HikariDataSource();
            replica.setPoolName("register-replica");
            replica.setJdbcUrl(url.strip());
            // The primary's credentials unless the replica's are given.
            replica.setUsername(environment.getProperty(
                    "kaifang.register.replica.username", environment.getProperty("spring.datasource.username", "")));
            replica.setPassword(environment.getProperty(
                    "kaifang.register.replica.password", environment.getProperty("spring.datasource.password", "")));
            replica.setReadOnly(true);
            replica.setMaximumPoolSize(
                    environment.getProperty("kaifang.register.replica.pool-size", Integer.class, 10));
            // A replica that is down must not take the public register with it: give up on it quickly, at start-up
            // too, and read from the primary meanwhile (Fallback).
            replica.setConnectionTimeout(2_000);
            replica.setInitializationFailTimeout(-1);
            var reads = new Fallback(replica, dataSource);
            return new RegisterReads(reads, new DataSourceTransactionManager(reads), true);
        }
    }

    /**
     * The replica's connections, or the primary's while the replica cannot give one: after a failure the primary
     * serves for {@link #REST}, then the replica is tried again. A reader sees a register at most a replication delay
     * old either way.
     */
    static final class Fallback extends org.springframework.jdbc.datasource.DelegatingDataSource
            implements AutoCloseable {

        static final java.time.Duration REST = java.time.Duration.ofSeconds(30);

        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Fallback.class);

        private final DataSource primary;
        private volatile java.time.Instant downUntil = java.time.Instant.MIN;

        Fallback(DataSource replica, DataSource primary) {
            super(replica);
            this.primary = primary;
        }

        @Override
        public java.sql.Connection getConnection() throws java.sql.SQLException {
            if (java.time.Instant.now().isBefore(downUntil)) {
                return primary.getConnection();
            }
            try {
                return obtainTargetDataSource().getConnection();
            } catch (java.sql.SQLException e) {
                downUntil = java.time.Instant.now().plus(REST);
                log.warn(
                        "The register's replica gives no connection ({}); reading from the primary for {} s",
                        e.getMessage(),
                        REST.toSeconds());
                return primary.getConnection();
            }
        }

        /** Whether reads go to the primary now because the replica failed. */
        boolean fallenBack() {
            return java.time.Instant.now().isBefore(downUntil);
        }

        @Override
        public void close() {
            if (obtainTargetDataSource() instanceof HikariDataSource pool) {
                pool.close();
            }
        }
    }
}
