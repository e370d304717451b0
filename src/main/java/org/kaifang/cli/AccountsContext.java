package org.kaifang.cli;

import java.nio.file.Path;
import java.time.Clock;
import org.kaifang.accounts.Accounts;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * Just the database and the accounts module, without the web server: what {@code kaifang organisations} and
 * {@code kaifang users} need to create the first accounts in the server's database (the embedded one under
 * {@code --data}, or PostgreSQL when {@code KAIFANG_DB_URL} is set), migrating it first if it is new.
 */
// Deliberately not a @Configuration: the server's component scan must not pick up this command-line context (it
// would bring its own clock into the server). As the source of its own SpringApplication it is still processed.
@ImportAutoConfiguration({
    DataSourceAutoConfiguration.class,
    DataSourceTransactionManagerAutoConfiguration.class,
    TransactionAutoConfiguration.class,
    JdbcTemplateAutoConfiguration.class,
    JdbcClientAutoConfiguration.class,
    FlywayAutoConfiguration.class
})
@ComponentScan(basePackageClasses = Accounts.class)
class AccountsContext {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Opens the database; the caller closes the context. */
    static ConfigurableApplicationContext open(Path data) {
        return new SpringApplicationBuilder(AccountsContext.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(
                        "--kaifang.data-dir=" + data.toAbsolutePath().normalize(),
                        "--kaifang.demo=false",
                        "--logging.level.root=WARN",
                        "--logging.level.org.flywaydb=WARN");
    }
}
