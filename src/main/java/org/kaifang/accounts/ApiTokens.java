package org.kaifang.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for machine clients (a law firm's tools, a script): issued by a user for their own organisation with a
 * subset of their roles, valid for at most a year, revocable, and sent as {@code Authorization: Bearer kf_…}.
 *
 * <p>The secret is 256 random bits and is stored only as its SHA-256. A slow password hash (bcrypt) exists to make
 * guessing a low-entropy password expensive; a 256-bit secret cannot be guessed, so a fast hash is as safe and costs a
 * microsecond where bcrypt costs tens of milliseconds of CPU on every API call. That is why machine clients should use
 * tokens rather than HTTP Basic, which pays a bcrypt per request.
 */
@Component
public class ApiTokens {

    /** Every secret starts with this, so that it is recognisable in a leaked file and by secret scanners. */
    public static final String PREFIX = "kf_";

    /** Last-used times are kept to this precision, so that a busy token does not write on every request. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenStore tokens;
    private final Users users;
    private final Clock clock;

    ApiTokens(ApiTokenStore tokens, Users users, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    /**
     * Issues a token acting for {@code user}; the secret in the answer is never shown again.
     *
     * @throws AccountRejected listing every problem: no such user, a blank, overlong or taken name, no role, a role
     *     the user does not hold, a validity outside 1 to 366 days
     */
    @Transactional
    public IssuedApiToken issue(UserId user, CreateApiToken command) {
        var owner = users.find(user).orElseThrow(() -> new AccountRejected(List.of("No user has the id " + user)));
        var problems = new ArrayList<>(command.problems(owner.roles()));
        var name = command.name().strip();
        if (problems.isEmpty() && tokens.named(user, name)) {
            problems.add("A token named '" + name + "' exists already");
        }
        if (!problems.isEmpty()) {
            throw new AccountRejected(problems);
        }
        var now = clock.instant();
        var token = new ApiToken(
                ApiTokenId.random(),
                user,
                owner.organisation(),
                name,
                command.roles(),
                now,
                now.plus(Duration.ofDays(command.days())),
                null,
                null);
        var secret = newSecret();
        try {
            tokens.add(token, sha256(secret));
        } catch (DuplicateKeyException e) {
            throw new AccountRejected(List.of("A token named '" + name + "' exists already"));
        }
        return new IssuedApiToken(token, secret);
    }

    /** The user's tokens, newest first, revoked and expired ones included. */
    @Transactional(readOnly = true)
    public List<ApiToken> of(UserId user) {
        return tokens.of(user);
    }

    /**
     * Revokes one of the user's own tokens at once: the next request with it is refused.
     *
     * @throws AccountRejected when the user has no such token (another user's token is "no such token" too, so that
     *     ids cannot be probed) or it is revoked already
     */
    @Transactional
    public ApiToken revoke(UserId user, ApiTokenId id) {
        var token = tokens.find(id)
                .filter(t -> t.user().equals(user))
                .orElseThrow(() -> new AccountRejected(List.of("No token of yours has the id " + id)));
        if (!tokens.revoke(id, clock.instant())) {
            throw new AccountRejected(List.of("Token '" + token.name() + "' is revoked already"));
        }
        return tokens.find(id).orElseThrow();
    }

    /**
     * The authentication a request sending {@code secret} acts with: the token's user in the token's organisation,
     * with the token's roles that the user still holds. Empty for an unknown, expired or revoked token, a disabled user,
     * or a user who holds none of the token's roles any more.
     *
     * <p>One query reads the token, its user with their roles and the organisation, on every request (nothing is
     * cached, so revocation and changes to the user count from the next request). It runs on its own, outside a
     * transaction: a single statement sees one consistent state, and a transaction would only add round trips. The
     * last-used time is written at most once a minute per token, as a statement of its own.
     */
    public Optional<Authentication> authenticate(String secret) {
        if (!secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        var now = clock.instant();
        var found = tokens.credentials(sha256(secret)).orElse(null);
        if (found == null || found.token().status(now) != ApiToken.Status.ACTIVE) {
            return Optional.empty();
        }
        var token = found.token();
        var user = found.user();
        if (!user.enabled() || !user.organisation().equals(token.organisation())) {
            return Optional.empty();
        }
        var roles = EnumSet.noneOf(Role.class);
        roles.addAll(token.roles());
        roles.retainAll(user.roles());
        if (roles.isEmpty()) {
            return Optional.empty();
        }
        var lastUsed = token.lastUsedAt();
        if (lastUsed == null || !lastUsed.plus(LAST_USED_PRECISION).isAfter(now)) {
            tokens.used(token.id(), now);
        }
        var details = new AccountDetails(
                new CurrentUser(user.id(), user.username(), user.displayName(), found.organisation(), roles),
                true,
                null);
        return Optional.of(UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
    }

    private static String newSecret() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
