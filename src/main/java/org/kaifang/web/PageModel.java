package org.kaifang.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Adds the {@link Page} to the model of every page. */
@ControllerAdvice
class PageModel {

    private final MessageSource messages;
    private final ObjectProvider<UnreadMessages> unread;
    private final List<AdminWarnings> warnings;

    PageModel(MessageSource messages, ObjectProvider<UnreadMessages> unread, ObjectProvider<AdminWarnings> warnings) {
        this.messages = messages;
        this.unread = unread;
        this.warnings = warnings.orderedStream().toList();
    }

    @ModelAttribute("page")
    Page page(HttpServletRequest request) {
        return of(request, messages, unread.getIfAvailable(), warnings);
    }

    /** The page of an error: no unread count, whose query could fail as the error did, and no warnings. */
    static Page of(HttpServletRequest request, MessageSource messages) {
        return of(request, messages, null, List.of());
    }

    static Page of(
            HttpServletRequest request,
            MessageSource messages,
            @Nullable UnreadMessages unread,
            List<AdminWarnings> warnings) {
        var csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        var query = request.getQueryString();
        return new Page(
                RequestContextUtils.getLocale(request),
                messages,
                csrf,
                request.getRequestURI(),
                query == null ? "" : query,
                CurrentUser.from(SecurityContextHolder.getContext().getAuthentication())
                        .orElse(null),
                unread,
                warnings);
    }
}
