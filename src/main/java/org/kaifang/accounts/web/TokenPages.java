package org.kaifang.accounts.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.AccountRejected;
import org.kaifang.accounts.ApiTokenId;
import org.kaifang.accounts.ApiTokens;
import org.kaifang.accounts.CreateApiToken;
import org.kaifang.accounts.CurrentUser;
import org.kaifang.accounts.IssuedApiToken;
import org.kaifang.accounts.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /account/tokens}: the signed-in user's API tokens. Issue one (its secret is shown on the answer page only,
 * which no cache keeps), see each one's roles, expiry and last use, and revoke one.
 */
@Controller
class TokenPages {

    static final String PATH = "/account/tokens";

    private final ApiTokens tokens;
    private final java.time.Clock clock;

    TokenPages(ApiTokens tokens, java.time.Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping(PATH)
    String list(@RequestParam(required = false) @Nullable String revoked, Authentication authentication, Model model) {
        var user = user(authentication);
        return page(user, TokenForm.empty(user), List.of(), null, "true".equals(revoked), model);
    }

    @PostMapping(PATH)
    String issue(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(name = "role", required = false) @Nullable List<String> roleNames,
            @RequestParam(defaultValue = "") String days,
            Authentication authentication,
            HttpServletResponse response,
            Model model) {
        var user = user(authentication);
        var problems = new ArrayList<String>();
        var roles = EnumSet.noneOf(Role.class);
        for (var roleName : roleNames == null ? List.<String>of() : roleNames) {
            try {
                roles.add(Role.parse(roleName));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        var validity = -1;
        try {
            validity = Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            problems.add("Give the days the token is valid for as a number from 1 to " + CreateApiToken.MAX_DAYS);
        }
        var form = new TokenForm(name, roles, days);
        if (problems.isEmpty()) {
            try {
                var issued = tokens.issue(user.id(), new CreateApiToken(name, roles, validity));
                // The secret is on this page and nowhere else: no cache may keep it.
                response.setHeader("Cache-Control", "no-store");
                return page(user, TokenForm.empty(user), List.of(), issued, false, model);
            } catch (AccountRejected e) {
                problems.addAll(e.problems());
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return page(user, form, problems, null, false, model);
    }

    @PostMapping(PATH + "/{id}/revoke")
    String revoke(@PathVariable String id, Authentication authentication) {
        var user = user(authentication);
        try {
            tokens.revoke(user.id(), ApiTokenId.parse(id));
        } catch (IllegalArgumentException | AccountRejected e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:" + PATH + "?revoked=true";
    }

    private String page(
            CurrentUser user,
            TokenForm form,
            List<String> problems,
            @Nullable IssuedApiToken issued,
            boolean revoked,
            Model model) {
        model.addAttribute(
                "view", new TokensView(user, tokens.of(user.id()), form, problems, issued, revoked, clock.instant()));
        return "accounts/tokens";
    }

    private static CurrentUser user(Authentication authentication) {
        return CurrentUser.from(authentication).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
