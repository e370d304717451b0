package org.kaifang.cli;

import java.nio.file.Path;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Just the server's database, neither migrated nor used by any module: what {@code kaifang backup} and
 * {@code kaifang restore} copy (the embedded one under {@code --data}, or PostgreSQL when {@code KAIFANG_DB_URL} is
 * set), with the server's own connection settings.
 */
// Deliberately not a @Configuration, like AccountsContext: the server's component scan must not pick it up.
@ImportAutoConfiguration(DataSourceAutoConfiguration.class)
class DatabaseContext {

    /** Opens the database; the caller closes the context. */
    static ConfigurableApplicationContext open(Path data) {
        return new SpringApplicationBuilder(DatabaseContext.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(
                        "--kaifang.data-dir=" + data.toAbsolutePath().normalize(),
                        "--kaifang.demo=false",
                        "--logging.level.root=WARN");
    }
}
