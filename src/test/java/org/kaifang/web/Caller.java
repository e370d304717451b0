package org.kaifang.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.kaifang.testing.DemoLogins;

/**
 * One role calling the running server the way its real clients do: the JSON API with HTTP Basic and no cookies, pages
 * with a signed-in session, cookies kept and the page's CSRF token sent with every form. Follows no redirects. The
 * anonymous caller has a session too (a CSRF token needs one), but never signs in.
 */
final class Caller {

    static final String ANONYMOUS = "anonymous";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final @Nullable String username;
    private final HttpClient api;
    private final HttpClient browser;
    private @Nullable String csrf;
    private boolean signedIn;

    Caller(int port, String role) {
        this.base = "http://localhost:" + port;
        this.username = role.equals(ANONYMOUS) ? null : role;
        this.api = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Signs the page session in through the form, as a person would; anonymous stays signed out. */
    Caller signIn() {
        if (username != null) {
            var fields = new LinkedHashMap<String, String>();
            fields.put("username", username);
            fields.put("password", DemoLogins.PASSWORD);
            var answer = form("POST", "/login", form(fields));
            if (answer.statusCode() != 302 || location(answer).contains("error")) {
                throw new IllegalStateException("Signing in as " + username + " failed: " + answer.statusCode());
            }
            csrf = null;
            signedIn = true;
        }
        return this;
    }

    @Nullable
    String username() {
        return username;
    }

    /** A call to the JSON API: HTTP Basic unless anonymous, no cookies, asking for JSON. */
    HttpResponse<String> api(String method, String path, @Nullable String contentType, byte @Nullable [] body) {
        var builder = request(path).header("Accept", "application/json");
        if (username != null) {
            builder.header(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (username + ":" + DemoLogins.PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        builder.method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        return send(api, builder.build());
    }

    HttpResponse<String> api(String method, String path, @Nullable String json) {
        return api(
                method,
                path,
                json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }

    /** A page: GET as a browser asks for it; anything else is a form carrying the session's CSRF token. */
    HttpResponse<String> page(String method, String path) {
        if (method.equals("GET")) {
            return send(
                    browser,
                    request(path)
                            .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                            .GET()
                            .build());
        }
        return form(method, path, "");
    }

    /** A url-encoded form with the CSRF token added in front of {@code fields} (already encoded). */
    HttpResponse<String> form(String method, String path, String fields) {
        var body = "_csrf=" + encode(csrf()) + (fields.isEmpty() ? "" : "&" + fields);
        return rawForm(method, path, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8));
    }

    /** A form body sent as is: the caller decides whether it carries a CSRF token. */
    HttpResponse<String> rawForm(String method, String path, String contentType, byte[] body) {
        return send(
                browser,
                request(path)
                        .header("Accept", "text/html")
                        .header("Content-Type", contentType)
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                        .build());
    }

    /** A multipart form with the CSRF token in its header (the filter reads it before the multipart is parsed). */
    HttpResponse<String> multipartPage(String path, Multipart multipart) {
        return send(
                browser,
                request(path)
                        .header("Accept", "text/html")
                        .header("Content-Type", multipart.contentType())
                        .header("X-CSRF-TOKEN", csrf())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart.body()))
                        .build());
    }

    /** A page request with a body sent as is and the CSRF token in a header, as htmx sends it. */
    HttpResponse<String> rawPage(String method, String path, String contentType, byte[] body) {
        var builder = request(path).header("Accept", "text/html").header("X-CSRF-TOKEN", csrf());
        if (!contentType.isEmpty()) {
            builder.header("Content-Type", contentType);
        }
        return send(
                browser,
                builder.method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                        .build());
    }

    /** The session's CSRF token, read once from a page that has a form. */
    String csrf() {
        if (csrf == null) {
            var page = page("GET", signedIn ? "/" : "/login").body();
            var matcher = CSRF.matcher(page);
            if (!matcher.find()) {
                throw new IllegalStateException("No CSRF token on the page for " + username);
            }
            csrf = matcher.group(1);
        }
        return csrf;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String form(Map<String, String> fields) {
        var out = new StringBuilder();
        fields.forEach((k, v) -> {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(encode(k)).append('=').append(encode(v));
        });
        return out.toString();
    }

    /** A multipart body: text fields and at most a few files, in order. */
    static final class Multipart {
        private final String boundary = "----kaifang" + UUID.randomUUID();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                    + "\r\n");
            return this;
        }

        Multipart file(String name, String fileName, String type, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n");
            body.writeBytes(content);
            write("\r\n");
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] body() {
            var all = new ByteArrayOutputStream();
            all.writeBytes(body.toByteArray());
            all.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return all.toByteArray();
        }

        private void write(String text) {
            body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
