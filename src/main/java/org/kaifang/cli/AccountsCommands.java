package org.kaifang.cli;

import java.nio.file.Path;
import java.util.function.ToIntFunction;
import org.kaifang.accounts.Accounts;

/** What {@code kaifang organisations} and {@code kaifang users} share: opening the accounts in the database. */
final class AccountsCommands {

    /** Exit code when the database cannot be opened. */
    static final int NO_DATABASE = 1;

    private AccountsCommands() {}

    /** Runs {@code action} on the accounts in the database; returns its exit code. */
    static int withAccounts(Path data, ToIntFunction<Accounts> action) {
        return withBeans(data, context -> action.applyAsInt(context.getBean(Accounts.class)));
    }

    /** Runs {@code action} on the beans of the accounts module in the database; returns its exit code. */
    static int withBeans(Path data, ToIntFunction<org.springframework.context.ApplicationContext> action) {
        org.springframework.context.ConfigurableApplicationContext context;
        try {
            context = AccountsContext.open(data);
        } catch (RuntimeException e) {
            System.err.println("Cannot open the database: " + rootMessage(e));
            System.err.println("A server running on the embedded database holds it: stop it first, or use PostgreSQL"
                    + " (KAIFANG_DB_URL).");
            return NO_DATABASE;
        }
        try (context) {
            return action.applyAsInt(context);
        }
    }

    static String rootMessage(Throwable e) {
        var cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        var message = cause.getMessage();
        return message == null
                ? cause.getClass().getSimpleName()
                : message.lines().findFirst().orElse(message);
    }
}
