package org.kaifang.cli;

import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.AccountRejected;
import org.kaifang.accounts.Accounts;
import org.kaifang.accounts.OrganisationKind;
import org.kaifang.accounts.RegisterOrganisation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kaifang organisations …}: register the organisations whose users sign in. */
@Command(
        name = "organisations",
        description = "Register organisations: applicant companies and licensing authorities.",
        subcommands = {OrganisationsCommand.Add.class})
final class OrganisationsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "add",
            description = {
                "Register an organisation in the server's database.",
                "Uses the embedded database under --data unless KAIFANG_DB_URL names a PostgreSQL database;"
                        + " stop a server that uses the embedded database first.",
                "Exit codes: 0 registered, 1 the database could not be opened, 2 invalid input."
            })
    static final class Add implements Callable<Integer> {

        @Option(names = "--name", required = true, description = "Registered name, e.g. 上海市通信管理局.")
        String name = "";

        @Option(names = "--english-name", description = "English name, if any.")
        @Nullable
        String englishName;

        @Option(
                names = "--kind",
                required = true,
                description = "COMPANY (an applicant) or REGULATOR (MIIT, a communications administration).")
        OrganisationKind kind = OrganisationKind.COMPANY;

        @Option(names = "--uscc", description = "A company's Unified Social Credit Code.")
        @Nullable
        String uscc;

        @picocli.CommandLine.Mixin
        DataOption data = new DataOption();

        @Override
        public Integer call() {
            return AccountsCommands.withAccounts(data.data, accounts -> register(accounts));
        }

        private int register(Accounts accounts) {
            try {
                var organisation = accounts.register(new RegisterOrganisation(name, englishName, kind, uscc));
                System.out.printf(
                        "Registered %s %s (%s)%n", organisation.kind(), organisation.name(), organisation.id());
                return 0;
            } catch (AccountRejected e) {
                e.problems().forEach(System.err::println);
                return KaifangCli.INVALID_INPUT;
            }
        }
    }
}
