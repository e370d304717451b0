package org.kaifang.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data}: where the embedded database is, for every command that opens the database (a picocli mixin). */
final class DataOption {

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Data directory of the embedded database (default: ${DEFAULT-VALUE}); not used when"
                    + " KAIFANG_DB_URL names a PostgreSQL database.",
            defaultValue = "./data")
    Path data = Path.of("./data");
}
