package org.kaifang.web;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.CurrentUser;
import org.kaifang.accounts.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What every page template needs besides its own data: the language, the message bundle, the CSRF token, the
 * current path and who is signed in. Templates receive it as {@code page}.
 */
public final class Page {

    private final Locale locale;
    private final MessageSource messages;
    private final @Nullable CsrfToken csrf;
    private final String path;
    private final String query;
    private final @Nullable CurrentUser user;
    private final @Nullable UnreadMessages unreadMessages;
    private final List<AdminWarnings> adminWarnings;
    private @Nullable Integer unread;

    Page(
            Locale locale,
            MessageSource messages,
            @Nullable CsrfToken csrf,
            String path,
            String query,
            @Nullable CurrentUser user,
            @Nullable UnreadMessages unreadMessages,
            List<AdminWarnings> adminWarnings) {
        this.locale = locale;
        this.messages = messages;
        this.csrf = csrf;
        this.path = path;
        this.query = query;
        this.user = user;
        this.unreadMessages = unreadMessages;
        this.adminWarnings = List.copyOf(adminWarnings);
    }

    /** The warnings for administrators (such as a broken audit trail), when an administrator is signed in. */
    public List<AdminWarnings.Warning> adminWarnings() {
        if (user == null || !user.has(Role.ADMIN)) {
            return List.of();
        }
        return adminWarnings.stream().flatMap(w -> w.current().stream()).toList();
    }

    /** The text of {@code warning} in the page's language. */
    public String t(AdminWarnings.Warning warning) {
        return t(warning.key(), warning.arguments().toArray());
    }

    /**
     * How many unread inbox messages the signed-in user has, for the header; 0 when nobody is signed in. Counted when
     * a template first asks, so that requests that render no page cost no query.
     */
    public int unread() {
        if (unread == null) {
            unread = user == null || unreadMessages == null ? 0 : unreadMessages.of(user.id());
        }
        return unread;
    }

    /** The signed-in user, or {@code null} when nobody is signed in. */
    public @Nullable CurrentUser user() {
        return user;
    }

    /** {@code zh} or {@code en}. */
    public String lang() {
        return "zh".equals(locale.getLanguage()) ? "zh" : "en";
    }

    /** The value for the {@code lang} attribute of {@code <html>}. */
    public String htmlLang() {
        return "zh".equals(lang()) ? "zh-CN" : "en";
    }

    public boolean zh() {
        return "zh".equals(lang());
    }

    /** The message with {@code key} in the page's language. A missing key is a defect: the bundle test catches it. */
    public String t(String key, Object... arguments) {
        try {
            return messages.getMessage(key, arguments, locale);
        } catch (NoSuchMessageException e) {
            return "??" + key + "??";
        }
    }

    /** The CSRF form parameter name. Reading the token is deferred so that pages without forms create no session. */
    public @Nullable String csrfParameter() {
        return csrf == null ? null : csrf.getParameterName();
    }

    public @Nullable String csrfToken() {
        return csrf == null ? null : csrf.getToken();
    }

    public String path() {
        return path;
    }

    /** The current URL with {@code lang} set to {@code language}, for the language switch. */
    public String switchTo(String language) {
        var kept = new StringBuilder();
        for (var part : query.split("&")) {
            if (!part.isEmpty() && !part.startsWith("lang=")) {
                kept.append(kept.isEmpty() ? "" : "&").append(part);
            }
        }
        return path + "?" + (kept.isEmpty() ? "" : kept + "&") + "lang=" + language;
    }
}
