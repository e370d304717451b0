package org.kaifang.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Limits password guessing: failed sign-ins (the form and HTTP Basic alike) are counted per account and per client
 * address in a window; an account or address with too many is locked out for a while, and a locked one is refused
 * before its password is checked, so that guessing costs the server no bcrypt either. The counts are in the database,
 * so that every node of a cluster agrees. Unknown usernames are counted like known ones: a lockout never tells which
 * usernames exist. A successful sign-in clears its account's count, but not its address's, so that an attacker with one
 * account of their own cannot reset the count of the address they guess from.
 */
@Component
public class SignInLimits {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final Duration lockout;

    SignInLimits(
            JdbcClient jdbc,
            Clock clock,
            @Value("${kaifang.sign-in.max-failures-per-account:5}") int perAccount,
            @Value("${kaifang.sign-in.max-failures-per-address:50}") int perAddress,
            @Value("${kaifang.sign-in.window:PT15M}") Duration window,
            @Value("${kaifang.sign-in.lockout:PT15M}") Duration lockout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
        this.lockout = lockout;
    }

    /** How much longer sign-ins as {@code username} or from {@code address} are refused; empty when they are not. */
    @Transactional(readOnly = true)
    public Optional<Duration> lockedFor(@Nullable String username, @Nullable String address) {
        var now = clock.instant();
        Duration longest = null;
        for (var key : new String[] {accountKey(username), addressKey(address)}) {
            if (key == null) {
                continue;
            }
            var until = jdbc.sql("select locked_until from accounts.sign_in_failures where limit_key = :key")
                    .param("key", key)
                    .query((rs, row) -> rs.getObject(1, OffsetDateTime.class))
                    .optional()
                    .orElse(null);
            if (until != null && until.toInstant().isAfter(now)) {
                var left = Duration.between(now, until.toInstant());
                longest = longest == null || left.compareTo(longest) > 0 ? left : longest;
            }
        }
        return Optional.ofNullable(longest);
    }

    /** Counts a failed sign-in as {@code username} from {@code address}. */
    @Transactional
    public void failed(@Nullable String username, @Nullable String address) {
        var account = accountKey(username);
        if (account != null) {
            count(account, perAccount);
        }
        var client = addressKey(address);
        if (client != null) {
            count(client, perAddress);
        }
    }

    /** Clears the failures of {@code username} after a successful sign-in. */
    @Transactional
    public void succeeded(String username) {
        var key = accountKey(username);
        if (key != null) {
            jdbc.sql("delete from accounts.sign_in_failures where limit_key = :key")
                    .param("key", key)
                    .update();
        }
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent event) {
        var authentication = event.getAuthentication();
        if (authentication instanceof UsernamePasswordAuthenticationToken) {
            failed(authentication.getName(), address(authentication.getDetails()));
        }
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        // Only a password sign-in over the web clears the count (API tokens publish no such event).
        if (event.getAuthentication() instanceof UsernamePasswordAuthenticationToken
                && event.getAuthentication().getDetails() instanceof WebAuthenticationDetails) {
            succeeded(event.getAuthentication().getName());
        }
    }

    private void count(String key, int max) {
        var now = clock.instant();
        var windowStart = Timestamp.from(now.minus(window));
        var updated = increment(key, now, windowStart);
        if (updated == 0) {
            try {
                jdbc.sql("insert into accounts.sign_in_failures (limit_key, failures, window_start)"
                                + " values (:key, 1, :now)")
                        .param("key", key)
                        .param("now", Timestamp.from(now))
                        .update();
            } catch (DuplicateKeyException e) {
                // Another node counted the first failure at the same moment: count this one on top.
                increment(key, now, windowStart);
            }
        }
        // Locking starts a new window, so that the count after a lockout begins again at zero.
        jdbc.sql("update accounts.sign_in_failures set locked_until = :until, failures = 0, window_start = :now"
                        + " where limit_key = :key and failures >= :max")
                .param("until", Timestamp.from(now.plus(lockout)))
                .param("now", Timestamp.from(now))
                .param("key", key)
                .param("max", max)
                .update();
    }

    private int increment(String key, Instant now, Timestamp windowStart) {
        return jdbc.sql("""
                        update accounts.sign_in_failures
                           set failures = case when window_start < :windowStart then 1 else failures + 1 end,
                               window_start = case when window_start < :windowStart then :now else window_start end
                         where limit_key = :key
                        """)
                .param("windowStart", windowStart)
                .param("now", Timestamp.from(now))
                .param("key", key)
                .update();
    }

    private static @Nullable String address(@Nullable Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    private static @Nullable String accountKey(@Nullable String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        var folded = username.strip().toLowerCase(Locale.ROOT);
        return "account:" + (folded.length() > 100 ? folded.substring(0, 100) : folded);
    }

    private static @Nullable String addressKey(@Nullable String address) {
        return address == null || address.isBlank() || address.length() > 100 ? null : "address:" + address;
    }
}
