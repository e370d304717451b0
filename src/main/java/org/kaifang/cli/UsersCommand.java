package org.kaifang.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.AccountRejected;
import org.kaifang.accounts.Accounts;
import org.kaifang.accounts.AddUser;
import org.kaifang.accounts.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kaifang users …}: add users and list them, in-process against the database. This is how the first
 * administrator comes to exist, before anyone can sign in to do it on the web (Keycloak's {@code bootstrap-admin} works
 * the same way).
 */
@Command(
        name = "users",
        description = "Add and list the users who sign in.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class})
final class UsersCommand implements Runnable {

    private static final String DATABASE = "Uses the embedded database under --data unless KAIFANG_DB_URL names a"
            + " PostgreSQL database; stop a server that uses the embedded database first.";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "add",
            description = {
                "Add a user to an organisation. The password is asked for twice on the terminal, or read from the"
                        + " first line of standard input with --password-stdin; never give it as an argument.",
                DATABASE,
                "Exit codes: 0 added, 1 the database could not be opened, 2 invalid input."
            })
    static final class Add implements Callable<Integer> {

        @Option(names = "--org", required = true, description = "The organisation's registered name.")
        String organisation = "";

        @Option(
                names = "--username",
                required = true,
                description = "Sign-in name: letters a-z, digits, '.', '_', '-'.")
        String username = "";

        @Option(names = "--name", required = true, description = "Display name, e.g. \"张伟 Zhang Wei\".")
        String displayName = "";

        @Option(
                names = "--role",
                required = true,
                split = ",",
                converter = RoleConverter.class,
                description = "APPLICANT, CASE_OFFICER, APPROVER, REGISTRAR or ADMIN; repeat or separate with commas.")
        List<Role> roles = new ArrayList<>();

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordFromStdin;

        @picocli.CommandLine.Mixin
        DataOption data = new DataOption();

        @Override
        public Integer call() {
            var password = password();
            if (password == null) {
                return KaifangCli.INVALID_INPUT;
            }
            return AccountsCommands.withAccounts(data.data, accounts -> add(accounts, password));
        }

        private int add(Accounts accounts, String password) {
            var found = accounts.organisationNamed(organisation);
            if (found.isEmpty()) {
                System.err.println("No organisation is named '" + organisation.strip()
                        + "': register it first with kaifang organisations add");
                return KaifangCli.INVALID_INPUT;
            }
            try {
                var user = accounts.add(
                        new AddUser(username, displayName, found.get().id(), Set.copyOf(roles), password));
                System.out.printf(
                        "Added %s (%s) to %s with %s%n",
                        user.username(),
                        user.displayName(),
                        found.get().name(),
                        user.roles().stream().sorted().map(Role::name).collect(Collectors.joining(", ")));
                return 0;
            } catch (AccountRejected e) {
                e.problems().forEach(System.err::println);
                return KaifangCli.INVALID_INPUT;
            }
        }

        private @Nullable String password() {
            if (passwordFromStdin) {
                try {
                    var line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                    if (line == null || line.isEmpty()) {
                        System.err.println("--password-stdin: standard input has no password");
                        return null;
                    }
                    return line;
                } catch (IOException e) {
                    System.err.println("--password-stdin: " + e.getMessage());
                    return null;
                }
            }
            var console = System.console();
            if (console == null) {
                System.err.println("No terminal to ask for the password on: use --password-stdin");
                return null;
            }
            var first = console.readPassword("Password for %s: ", username);
            var second = console.readPassword("The same password again: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                System.err.println("The two passwords differ");
                return null;
            }
            return new String(first);
        }
    }

    @Command(
            name = "list",
            description = {"List every organisation and its users with their roles.", DATABASE})
    static final class ListUsers implements Callable<Integer> {

        @picocli.CommandLine.Mixin
        DataOption data = new DataOption();

        @Override
        public Integer call() {
            return AccountsCommands.withAccounts(data.data, ListUsers::list);
        }

        private static int list(Accounts accounts) {
            for (var organisation : accounts.organisations()) {
                System.out.printf(
                        "%s  %s%s%n",
                        organisation.kind(),
                        organisation.name(),
                        organisation.uscc() == null ? "" : "  " + organisation.uscc());
                for (var user : accounts.members(organisation.id())) {
                    System.out.printf(
                            "    %-20s %-24s %s%s%n",
                            user.username(),
                            user.displayName(),
                            user.roles().stream().sorted().map(Role::name).collect(Collectors.joining(",")),
                            user.enabled() ? "" : "  (disabled)");
                }
            }
            return 0;
        }
    }

    /** Reads a role the way {@link Role#parse(String)} does, with its message on failure. */
    static final class RoleConverter implements CommandLine.ITypeConverter<Role> {
        @Override
        public Role convert(String value) {
            try {
                return Role.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
