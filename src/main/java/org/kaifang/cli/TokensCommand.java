package org.kaifang.cli;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.kaifang.accounts.AccountRejected;
import org.kaifang.accounts.Accounts;
import org.kaifang.accounts.ApiTokenId;
import org.kaifang.accounts.ApiTokens;
import org.kaifang.accounts.CreateApiToken;
import org.kaifang.accounts.Role;
import org.kaifang.accounts.UserAccount;
import org.kaifang.accounts.Username;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kaifang tokens …}: issue, list and revoke a user's API tokens, in-process against the database, for the
 * operator who sets up a machine client (the same as the user's own {@code /account/tokens} page).
 */
@Command(
        name = "tokens",
        description = "Issue, list and revoke API tokens (Authorization: Bearer kf_…) of a user.",
        subcommands = {TokensCommand.Create.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class})
final class TokensCommand implements Runnable {

    private static final String DATABASE = "Uses the embedded database under --data unless KAIFANG_DB_URL names a"
            + " PostgreSQL database; stop a server that uses the embedded database first.";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The options every subcommand takes. */
    static class Common {
        @Option(names = "--username", required = true, description = "The user the token acts for.")
        String username = "";

        @picocli.CommandLine.Mixin
        DataOption data = new DataOption();

        /** The user, or {@code null} after printing why there is none. */
        @org.jspecify.annotations.Nullable
        UserAccount user(ApplicationContext context, List<String> problems) {
            Username name;
            try {
                name = new Username(username);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
                return null;
            }
            var user = context.getBean(Accounts.class).user(name);
            if (user.isEmpty()) {
                problems.add("No user has the username '" + name + "'");
                return null;
            }
            return user.get();
        }
    }

    @Command(
            name = "create",
            description = {
                "Issue a token for a user with some of their roles. Prints the secret once: store it now, it is kept"
                        + " only as a hash.",
                DATABASE,
                "Exit codes: 0 issued, 1 the database could not be opened, 2 invalid input (every problem listed)."
            })
    static final class Create extends Common implements Callable<Integer> {

        @Option(names = "--name", required = true, description = "What the token is for, unique among the user's.")
        String name = "";

        @Option(
                names = "--role",
                required = true,
                split = ",",
                converter = UsersCommand.RoleConverter.class,
                description = "Roles the token acts with, each one the user holds; repeat or separate with commas.")
        List<Role> roles = new ArrayList<>();

        @Option(
                names = "--days",
                description = "Days until it expires, 1 to 366 (default: ${DEFAULT-VALUE}).",
                defaultValue = "90")
        int days = 90;

        @Override
        public Integer call() {
            return AccountsCommands.withBeans(data.data, context -> {
                var problems = new ArrayList<String>();
                var user = user(context, problems);
                if (user == null) {
                    problems.forEach(System.err::println);
                    return KaifangCli.INVALID_INPUT;
                }
                try {
                    var issued = context.getBean(ApiTokens.class)
                            .issue(user.id(), new CreateApiToken(name, Set.copyOf(roles), days));
                    var token = issued.token();
                    System.out.printf(
                            "Issued token '%s' (%s) for %s with %s, expires %s%n",
                            token.name(), token.id(), user.username(), roleNames(token.roles()), token.expiresAt());
                    System.out.println(issued.secret());
                    return 0;
                } catch (AccountRejected e) {
                    e.problems().forEach(System.err::println);
                    return KaifangCli.INVALID_INPUT;
                }
            });
        }
    }

    @Command(
            name = "list",
            description = {
                "List a user's tokens: id, name, roles, status, expiry and last use; never the secrets.",
                DATABASE
            })
    static final class ListTokens extends Common implements Callable<Integer> {

        @Override
        public Integer call() {
            return AccountsCommands.withBeans(data.data, context -> {
                var problems = new ArrayList<String>();
                var user = user(context, problems);
                if (user == null) {
                    problems.forEach(System.err::println);
                    return KaifangCli.INVALID_INPUT;
                }
                var now = context.getBean(Clock.class).instant();
                for (var token : context.getBean(ApiTokens.class).of(user.id())) {
                    System.out.printf(
                            "%s  %-24s %-28s %-8s expires %s  last used %s%n",
                            token.id(),
                            token.name(),
                            roleNames(token.roles()),
                            token.status(now),
                            token.expiresAt(),
                            token.lastUsedAt() == null ? "never" : token.lastUsedAt());
                }
                return 0;
            });
        }
    }

    @Command(
            name = "revoke",
            description = {
                "Revoke a user's token at once.",
                DATABASE,
                "Exit codes: 0 revoked, 1 the database could not be opened, 2 invalid input."
            })
    static final class Revoke extends Common implements Callable<Integer> {

        @Option(names = "--id", required = true, description = "The token's id, as `kaifang tokens list` shows it.")
        String id = "";

        @Override
        public Integer call() {
            var problems = new ArrayList<String>();
            ApiTokenId tokenId = null;
            try {
                tokenId = ApiTokenId.parse(id);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
            var parsed = tokenId;
            return AccountsCommands.withBeans(data.data, context -> {
                var user = user(context, problems);
                if (user == null || parsed == null) {
                    problems.forEach(System.err::println);
                    return KaifangCli.INVALID_INPUT;
                }
                try {
                    var revoked = context.getBean(ApiTokens.class).revoke(user.id(), parsed);
                    System.out.printf("Revoked token '%s' (%s) of %s%n", revoked.name(), revoked.id(), user.username());
                    return 0;
                } catch (AccountRejected e) {
                    e.problems().forEach(System.err::println);
                    return KaifangCli.INVALID_INPUT;
                }
            });
        }
    }

    private static String roleNames(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }
}
