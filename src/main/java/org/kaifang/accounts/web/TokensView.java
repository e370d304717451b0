package org.kaifang.accounts.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.ApiToken;
import org.kaifang.accounts.CurrentUser;
import org.kaifang.accounts.IssuedApiToken;
import org.kaifang.accounts.Role;

/**
 * What the tokens page shows.
 *
 * @param problems what is wrong with the form just sent, each a sentence
 * @param issued the token just issued, with its secret, shown this once
 * @param revoked whether a token was just revoked
 */
public record TokensView(
        CurrentUser user,
        List<ApiToken> tokens,
        TokenForm form,
        List<String> problems,
        @Nullable IssuedApiToken issued,
        boolean revoked,
        Instant now) {

    /** Times shown as in China. */
    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    public List<Role> roles() {
        return user.roles().stream().sorted().toList();
    }

    public String when(@Nullable Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    public String roleNames(ApiToken token) {
        return token.roles().stream().sorted().map(Role::name).collect(Collectors.joining(", "));
    }

    public String status(ApiToken token) {
        return token.status(now).name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean active(ApiToken token) {
        return token.status(now) == ApiToken.Status.ACTIVE;
    }
}
