package org.kaifang.cli;

import java.util.concurrent.Callable;
import org.kaifang.audit.AuditTrail;
import org.kaifang.audit.Verification;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code kaifang audit …}: the audit trail, read in-process from the database. */
@Command(
        name = "audit",
        description = "Check the hash-chained audit trail.",
        subcommands = {AuditCommand.Verify.class})
final class AuditCommand implements Runnable {

    /** Exit code when the trail was tampered with. */
    static final int TAMPERED = 1;

    /** Exit code when the database cannot be opened. */
    static final int NO_DATABASE = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = {
                "Walk the audit trail from its first record to its head, recomputing every hash. Prints OK with the"
                        + " number of records and the head hash (keep it outside the database: a later run must reach"
                        + " the same hash), or the first broken record and what is wrong with it.",
                "Uses the embedded database under --data unless KAIFANG_DB_URL names a PostgreSQL database; stop a"
                        + " server that uses the embedded database first.",
                "Exit codes: 0 intact, 1 tampered with, 3 the database could not be opened."
            })
    static final class Verify implements Callable<Integer> {

        @picocli.CommandLine.Mixin
        DataOption data = new DataOption();

        @Override
        public Integer call() {
            ConfigurableApplicationContext context;
            try {
                context = AuditContext.open(data.data);
            } catch (RuntimeException e) {
                System.err.println("Cannot open the database: " + AccountsCommands.rootMessage(e));
                System.err.println("A server running on the embedded database holds it: stop it first, or use"
                        + " PostgreSQL (KAIFANG_DB_URL).");
                return NO_DATABASE;
            }
            try (context) {
                return switch (context.getBean(AuditTrail.class).verify()) {
                    case Verification.Intact ok -> {
                        System.out.printf("OK: %d records, head %s%n", ok.count(), ok.headHash());
                        if (ok.pending() > 0) {
                            System.out.printf(
                                    "%d more records committed and waiting to be chained (not a break: the server"
                                            + " chains them shortly; each still matches the hash it was written with)%n",
                                    ok.pending());
                        }
                        yield 0;
                    }
                    case Verification.Broken broken -> {
                        System.out.printf(
                                "TAMPERED: record %d (%s) after %d intact records%n%s%n",
                                broken.sequence(), broken.problem(), broken.checked(), broken.detail());
                        yield TAMPERED;
                    }
                };
            }
        }
    }
}
