package org.kaifang.cli;

import java.nio.file.Path;
import org.kaifang.audit.AuditTrail;
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
import org.springframework.context.annotation.Import;

/**
 * Just the database and the audit trail, without the web server: what {@code kaifang audit} needs to read the trail in
 * the server's database (the embedded one under {@code --data}, or PostgreSQL when {@code KAIFANG_DB_URL} is set).
 */
// Deliberately not a @Configuration, like AccountsContext: the server's component scan must not pick up this
// command-line context. As the source of its own SpringApplication it is still processed.
@ImportAutoConfiguration({
    DataSourceAutoConfiguration.class,
    DataSourceTransactionManagerAutoConfiguration.class,
    TransactionAutoConfiguration.class,
    JdbcTemplateAutoConfiguration.class,
    JdbcClientAutoConfiguration.class,
    FlywayAutoConfiguration.class
})
@Import(AuditTrail.class)
class AuditContext {

    /** Opens the database; the caller closes the context. */
    static ConfigurableApplicationContext open(Path data) {
        return new SpringApplicationBuilder(AuditContext.class)
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
