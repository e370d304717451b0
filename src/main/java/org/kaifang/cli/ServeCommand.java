package org.kaifang.cli;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import org.kaifang.KaifangApplication;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/** {@code kaifang serve}: starts the web server. */
@Command(
        name = "serve",
        description = {
            "Start the Kaifang server.",
            "Uses an embedded H2 database under --data unless KAIFANG_DB_URL names a PostgreSQL database."
        })
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE}).", defaultValue = "8080")
    int port;

    @picocli.CommandLine.Mixin
    DataOption data = new DataOption();

    @Option(names = "--demo", description = "Create demo data and print how to use it.")
    boolean demo;

    @Unmatched
    java.util.List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() {
        if (port < 1 || port > 65535) {
            System.err.println("--port must be between 1 and 65535, not " + port);
            return KaifangCli.INVALID_INPUT;
        }
        var arguments = new ArrayList<String>();
        arguments.add("--server.port=" + port);
        arguments.add("--kaifang.data-dir=" + data.data.toAbsolutePath().normalize());
        arguments.add("--kaifang.demo=" + demo);
        if (demo) {
            // The synthetic demo register (12,417 licences) is only made for the demo server, not for every test
            // context that uses demo accounts.
            arguments.add("--kaifang.demo.register=true");
        }
        arguments.addAll(springArguments);
        SpringApplication.run(KaifangApplication.class, arguments.toArray(String[]::new));
        return KaifangCli.KEEP_RUNNING;
    }
}
