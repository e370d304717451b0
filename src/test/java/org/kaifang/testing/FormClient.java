package org.kaifang.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: keeps cookies (so a session and a sign-in last across requests), follows no redirects,
 * reads a page's CSRF token and posts forms.
 */
public final class FormClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    public FormClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /** GETs a page as a browser would ask for it, in English. */
    public HttpResponse<String> get(String path, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Accept-Language", "en");
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.GET().build());
    }

    /** The CSRF token on the page at {@code path}. */
    public String csrfToken(String path) {
        var page = get(path).body();
        var matcher = CSRF.matcher(page);
        assertThat(matcher.find()).as("CSRF token on %s", path).isTrue();
        return matcher.group(1);
    }

    /** POSTs a form with exactly these fields: add {@code _csrf} for a form the server accepts. */
    public HttpResponse<String> post(String path, Map<String, String> fields) {
        var body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /** Signs in through the form at {@code /login}, as a person would; returns the answer to the form's POST. */
    public HttpResponse<String> signIn(String username, String password) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("_csrf", csrfToken("/login"));
        fields.put("username", username);
        fields.put("password", password);
        return post("/login", fields);
    }

    /** The value of the cookie {@code name}, or {@code null}. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }
}
