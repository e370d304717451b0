package org.kaifang.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The page language: simplified Chinese or English. A {@code ?lang=zh|en} parameter switches it and is remembered in
 * a cookie; without the cookie, the browser's Accept-Language decides; without either, Chinese.
 */
@Configuration
class LanguageConfiguration implements WebMvcConfigurer {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final Locale ENGLISH = Locale.ENGLISH;
    static final String COOKIE = "kaifang-lang";

    @Bean
    LocaleResolver localeResolver() {
        return new KaifangLocaleResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }

    static Locale supported(@Nullable String language) {
        return language != null && language.toLowerCase(Locale.ROOT).startsWith("en") ? ENGLISH : CHINESE;
    }

    static final class KaifangLocaleResolver implements LocaleResolver {

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            if (request.getAttribute(LanguageConfiguration.class.getName()) instanceof Locale chosen) {
                return chosen;
            }
            var cookies = request.getCookies();
            if (cookies != null) {
                for (var cookie : cookies) {
                    if (COOKIE.equals(cookie.getName())) {
                        return supported(cookie.getValue());
                    }
                }
            }
            if (request.getHeader("Accept-Language") == null) {
                return CHINESE;
            }
            for (var locale : Collections.list(request.getLocales())) {
                if (locale.getLanguage().equals("zh")) {
                    return CHINESE;
                }
                if (locale.getLanguage().equals("en")) {
                    return ENGLISH;
                }
            }
            return CHINESE;
        }

        @Override
        public void setLocale(
                HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
            if (response == null) {
                return;
            }
            var chosen = supported(locale == null ? null : locale.getLanguage());
            var cookie = new Cookie(COOKIE, chosen.getLanguage());
            cookie.setPath("/");
            cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
            request.setAttribute(LanguageConfiguration.class.getName(), chosen);
        }
    }
}
