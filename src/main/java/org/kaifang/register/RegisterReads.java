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
        if (replica && dataSource instanceof HikariDataSource pool) {
            pool.close();
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
            return new RegisterReads(replica, new DataSourceTransactionManager(replica), true);
        }
    }
}
