package org.kaifang.testing;

import org.kaifang.accounts.Accounts;
import org.kaifang.accounts.CurrentUser;
import org.kaifang.accounts.Username;
import org.kaifang.applications.Actor;

/** Fixtures acting as a stored user, as the pages and API would after that user signed in. */
public final class Actors {

    private Actors() {}

    /** The actor of the existing user {@code username}, with its organisation and roles as stored. */
    public static Actor of(Accounts accounts, String username) {
        var user = accounts.user(new Username(username)).orElseThrow();
        return new Actor(
                user.id().toString(),
                user.username().value(),
                user.displayName(),
                user.organisation().toString(),
                user.roles());
    }

    /** The signed-in user {@code username} as {@link CurrentUser#from} gives it to pages and the API. */
    public static CurrentUser currentUser(Accounts accounts, String username) {
        var user = accounts.user(new Username(username)).orElseThrow();
        return new CurrentUser(
                user.id(),
                user.username(),
                user.displayName(),
                accounts.organisation(user.organisation()).orElseThrow(),
                user.roles());
    }
}
