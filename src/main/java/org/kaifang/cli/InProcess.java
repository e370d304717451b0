package org.kaifang.cli;

import java.nio.file.Path;
import org.kaifang.KaifangApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application started in this process for one command, without a web server and without the scheduled jobs
 * (a command must not expire licences or send the outbox as a side effect), on the configured database: the embedded
 * one under {@code data}, or PostgreSQL when {@code KAIFANG_DB_URL} is set.
 */
final class InProcess {

    private InProcess() {}

    static ConfigurableApplicationContext start(Path data) {
        // As arguments, like serve's, so that they win over application.properties. Logging is off: the command
        // reports what went wrong itself, and an unexpected failure still ends in its stack trace.
        return new SpringApplicationBuilder(KaifangApplication.class)
                .web(WebApplicationType.NONE)
                .lazyInitialization(true)
                .logStartupInfo(false)
                .run(
                        "--kaifang.data-dir=" + data.toAbsolutePath().normalize(),
                        "--kaifang.licensing.schedule=false",
                        "--kaifang.notifications.schedule=false",
                        "--logging.level.root=OFF",
                        "--logging.level.org.kaifang=WARN");
    }

    /**
     * Says that the embedded database under {@code data} is held by a running server, and what to do instead ({@code
     * instead}, e.g. "start the run on /whatif"); returns {@link ListsCommand#DATABASE_UNAVAILABLE}.
     */
    static int inUse(Path data, String instead) {
        System.err.println("The embedded database under "
                + data.toAbsolutePath().normalize() + " is in use by a running Kaifang server, which holds it alone: "
                + instead + ", or stop the server.");
        return ListsCommand.DATABASE_UNAVAILABLE;
    }
}
