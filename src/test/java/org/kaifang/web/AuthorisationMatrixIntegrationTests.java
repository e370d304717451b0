package org.kaifang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.kaifang.accounts.ApiTokens;
import org.kaifang.licensing.Licences;
import org.kaifang.testing.DemoLogins;
import org.kaifang.testing.SampleFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks the authorisation matrix ({@code src/test/resources/security/authorisation-matrix.md}): every row's request
 * made as every role, the JSON API over HTTP Basic and the pages with a signed-in session and CSRF, against fixtures of
 * organisation A. Fails when a controller maps an endpoint the matrix does not list, so a new endpoint cannot be
 * forgotten, and when the matrix lists one that no longer exists.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {DemoLogins.DATABASE, DemoLogins.DEMO, DemoLogins.FIXED_PASSWORD})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixIntegrationTests {

    private final AuthorisationMatrix matrix = AuthorisationMatrix.load();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Licences licences;

    @Autowired
    ApiTokens tokens;

    private final Map<String, Caller> callers = new LinkedHashMap<>();
    private SecurityFixtures fixtures;

    @BeforeAll
    void signInAndMakeFixtures() {
        for (var role : matrix.roles()) {
            callers.put(role, new Caller(port, role).signIn());
        }
        fixtures = SecurityFixtures.create(port, callers, jdbc, licences, tokens);
    }

    /** Every {@code METHOD /pattern} the controllers map; {@code ANY} for a mapping without a method. */
    static TreeSet<String> mappedEndpoints(ApplicationContext context) {
        var endpoints = new TreeSet<String>();
        for (var mapping :
                context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            for (var info : mapping.getHandlerMethods().keySet()) {
                var methods = info.getMethodsCondition().getMethods();
                for (var pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        endpoints.add("ANY " + pattern);
                    }
                    methods.forEach(m -> endpoints.add(m.name() + " " + pattern));
                }
            }
        }
        return endpoints;
    }

    @Test
    void theMatrixListsEveryMappedEndpointAndNoOther() {
        var mapped = mappedEndpoints(context);
        var listed = new TreeSet<String>();
        matrix.rows().forEach(r -> listed.add(r.endpoint()));

        var missing = new TreeSet<>(mapped);
        missing.removeAll(listed);
        var stale = new TreeSet<>(listed);
        stale.removeAll(mapped);

        assertThat(missing)
                .as(
                        "endpoints mapped by a controller but absent from %s: add a row for each",
                        AuthorisationMatrix.RESOURCE)
                .isEmpty();
        assertThat(stale)
                .as("rows of %s for endpoints that no controller maps", AuthorisationMatrix.RESOURCE)
                .isEmpty();
        assertThat(mapped).hasSizeGreaterThan(40);
    }

    @TestFactory
    Stream<DynamicTest> everyRoleGetsWhatTheMatrixSays() {
        return matrix.rows().stream()
                .flatMap(row -> matrix.roles().stream()
                        .map(role -> DynamicTest.dynamicTest(row + " as " + role, () -> check(row, role))));
    }

    private void check(AuthorisationMatrix.Row row, String role) {
        var expected = row.expected().get(role);
        var response = call(callers.get(role), row);
        var what = row + " as " + role + " (" + row.why() + ")";
        if (expected.equals("login")) {
            assertThat(response.statusCode()).as(what).isEqualTo(302);
            assertThat(Caller.location(response)).as(what).endsWith("/login");
        } else {
            assertThat(response.statusCode())
                    .as("%s: %s", what, abbreviate(response.body()))
                    .isEqualTo(Integer.parseInt(expected));
        }
        if (row.api() && response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(what)
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        }
        // The corpus's list, not a bare "SQL": a random CSRF token in the page can contain those three letters.
        assertThat(response.body()).as(what).doesNotContain(BadInputCorpusIntegrationTests.LEAKS);
    }

    /** Makes the row's request as {@code caller}. */
    HttpResponse<String> call(Caller caller, AuthorisationMatrix.Row row) {
        var path = fixtures.fill(row.path());
        var body = fixtures.fill(row.body());
        var method = row.method();
        if (body.startsWith("multipart:")) {
            var multipart = multipart(body.substring("multipart:".length()));
            return row.api()
                    ? caller.api(method, path, multipart.contentType(), multipart.body())
                    : caller.multipartPage(path, multipart);
        }
        if (row.api()) {
            if (body.startsWith("text:")) {
                return caller.api(
                        method,
                        path,
                        "text/csv",
                        body.substring("text:".length()).getBytes(StandardCharsets.UTF_8));
            }
            return caller.api(method, path, body.startsWith("json:") ? body.substring("json:".length()) : null);
        }
        if (method.equals("GET")) {
            return caller.page(method, path);
        }
        return caller.form(method, path, body.startsWith("form:") ? body.substring("form:".length()) : "");
    }

    /** {@code kind=ARTICLES;file=pdf}: text fields, and {@code file=pdf} for a real PDF. */
    private static Caller.Multipart multipart(String spec) {
        var multipart = new Caller.Multipart();
        for (var part : spec.split(";")) {
            var eq = part.indexOf('=');
            var name = part.substring(0, eq);
            var value = part.substring(eq + 1);
            if (name.equals("file") && value.equals("pdf")) {
                multipart.file("file", "document.pdf", "application/pdf", SampleFiles.pdf());
            } else {
                multipart.field(name, value);
            }
        }
        return multipart;
    }

    /**
     * Marking a message read names it in the path; another user's message stays unread whoever asks, and the answer is
     * the same as for one's own, so it tells nobody whether the message exists.
     */
    @Test
    void nobodyMarksAnotherUsersMessageRead() {
        var a = callers.get("applicant.a");
        var submitted = fixtures.application(a);
        assertThat(a.api("POST", "/api/v1/applications/" + submitted + "/submit", "{\"version\":1}")
                        .statusCode())
                .isEqualTo(200);
        var message = fixtures.messageOf("officer", jdbc);
        assertThat(unread(message)).isTrue();

        for (var role : new String[] {"applicant.a", "applicant.b", "approver", "admin"}) {
            var response = callers.get(role).form("POST", "/inbox/" + message + "/read", "");
            assertThat(response.statusCode()).isEqualTo(302);
        }

        assertThat(unread(message)).isTrue();
        assertThat(callers.get("officer")
                        .form("POST", "/inbox/" + message + "/read", "")
                        .statusCode())
                .isEqualTo(302);
        assertThat(unread(message)).isFalse();
    }

    private boolean unread(String message) {
        return jdbc.sql("select count(*) from notifications.message where id = :id and read_at is null")
                        .param("id", java.util.UUID.fromString(message))
                        .query(Long.class)
                        .single()
                == 1;
    }

    /** Every form the matrix lists is refused without its CSRF token, before it does anything. */
    @TestFactory
    Stream<DynamicTest> everyFormNeedsItsCsrfToken() {
        return matrix.rows().stream()
                .filter(r -> !r.api() && !r.method().equals("GET"))
                .map(row -> DynamicTest.dynamicTest(row + " without CSRF", () -> {
                    var path = fixtures.fill(row.path());
                    var body = fixtures.fill(row.body());
                    var fields = body.startsWith("form:") ? body.substring("form:".length()) : "";
                    var response = callers.get("officer")
                            .rawForm(
                                    row.method(),
                                    path,
                                    "application/x-www-form-urlencoded",
                                    fields.getBytes(StandardCharsets.UTF_8));
                    assertThat(response.statusCode()).as(row.toString()).isEqualTo(403);
                }));
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
