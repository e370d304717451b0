package org.kaifang.web;

import jakarta.servlet.http.HttpServletRequest;
import org.kaifang.accounts.CurrentUser;
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

    PageModel(MessageSource messages) {
        this.messages = messages;
    }

    @ModelAttribute("page")
    Page page(HttpServletRequest request) {
        return of(request, messages);
    }

    static Page of(HttpServletRequest request, MessageSource messages) {
        var csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        var query = request.getQueryString();
        return new Page(
                RequestContextUtils.getLocale(request),
                messages,
                csrf,
                request.getRequestURI(),
                query == null ? "" : query,
                CurrentUser.from(SecurityContextHolder.getContext().getAuthentication())
                        .orElse(null));
    }
}
