package org.kaifang.notifications.web;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.CurrentUser;
import org.kaifang.notifications.Inbox;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailSender;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /inbox}: the signed-in user's messages, newest first, unread ones marked; each can be marked read, or all at
 * once. Where mail is configured the user can give an address for e-mail copies.
 */
@Controller
class InboxPages {

    private static final Set<String> DONE = Set.of("read", "all-read", "address");

    private final Inbox inbox;
    private final ObjectProvider<MailSender> mail;

    InboxPages(Inbox inbox, ObjectProvider<MailSender> mail) {
        this.inbox = inbox;
        this.mail = mail;
    }

    @GetMapping("/inbox")
    String show(@RequestParam(required = false) @Nullable String done, Authentication authentication, Model model) {
        return page(user(authentication), done != null && DONE.contains(done) ? done : null, null, null, model);
    }

    @PostMapping("/inbox/{id}/read")
    String markRead(@PathVariable String id, Authentication authentication) {
        UUID message;
        try {
            message = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        inbox.markRead(user(authentication).id(), message);
        return "redirect:/inbox?done=read#message-" + message;
    }

    @PostMapping("/inbox/read")
    String markAllRead(Authentication authentication) {
        inbox.markAllRead(user(authentication).id());
        return "redirect:/inbox?done=all-read";
    }

    @PostMapping("/inbox/address")
    String setAddress(@RequestParam(defaultValue = "") String address, Authentication authentication, Model model) {
        var user = user(authentication);
        if (!address.isBlank() && !Inbox.validAddress(address.strip())) {
            return page(user, null, address, "inbox.address.invalid", model);
        }
        inbox.setMailAddress(user.id(), address);
        return "redirect:/inbox?done=address";
    }

    private String page(
            CurrentUser user,
            @Nullable String done,
            @Nullable String address,
            @Nullable String addressError,
            Model model) {
        var messages = inbox.messages(user.id());
        model.addAttribute(
                "view",
                new InboxView(
                        messages,
                        (int) messages.stream().filter(m -> m.unread()).count(),
                        mail.getIfAvailable() != null,
                        address != null ? address : inbox.mailAddress(user.id()).orElse(""),
                        done,
                        addressError));
        return "notifications/inbox";
    }

    private static CurrentUser user(Authentication authentication) {
        return CurrentUser.from(authentication).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }
}
