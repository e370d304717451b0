package org.kaifang.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The authorisation matrix, {@code src/test/resources/security/authorisation-matrix.md}: a Markdown table with one row
 * per request, naming the endpoint it exercises ({@code METHOD /pattern} exactly as the controller maps it), the
 * request (a path with fixture placeholders such as {@code {app}}), an optional body, and the answer each role
 * expects. Lines that are not table rows are prose and ignored.
 */
record AuthorisationMatrix(List<String> roles, List<Row> rows) {

    static final String RESOURCE = "/security/authorisation-matrix.md";

    /** Columns before the roles: endpoint, request, body; after them: why. */
    private static final int FIRST_ROLE = 3;

    /**
     * One request and what each role gets.
     *
     * @param endpoint {@code METHOD /pattern}, e.g. {@code GET /api/v1/applications/{id}}
     * @param path the path to call, with placeholders
     * @param body empty, {@code json:…}, {@code form:…} (url-encoded, CSRF added), or {@code multipart:kind=…}
     * @param expected per role: a status ({@code 200}), or {@code login} for a redirect to the sign-in page
     */
    record Row(int line, String endpoint, String path, String body, Map<String, String> expected, String why) {

        String method() {
            var method = endpoint.substring(0, endpoint.indexOf(' '));
            return method.equals("ANY") ? "GET" : method;
        }

        boolean api() {
            return path.startsWith("/api/");
        }

        @Override
        public String toString() {
            return "line " + line + ": " + method() + " " + path + (body.isEmpty() ? "" : " " + abbreviate(body));
        }

        private static String abbreviate(String text) {
            return text.length() <= 60 ? text : text.substring(0, 57) + "...";
        }
    }

    static AuthorisationMatrix load() {
        try (var in = AuthorisationMatrix.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AuthorisationMatrix parse(String text) {
        List<String> roles = null;
        var rows = new ArrayList<Row>();
        var lines = text.split("\n", -1);
        for (var i = 0; i < lines.length; i++) {
            var line = lines[i].strip();
            if (!line.startsWith("|") || line.startsWith("|--") || line.startsWith("| --")) {
                continue;
            }
            var cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|", -1))
                    .map(String::strip)
                    .toList();
            if (roles == null) {
                roles = cells.subList(FIRST_ROLE, cells.size() - 1);
                continue;
            }
            if (cells.size() != roles.size() + FIRST_ROLE + 1) {
                throw new IllegalArgumentException("Line " + (i + 1) + " has " + cells.size() + " cells, not "
                        + (roles.size() + FIRST_ROLE + 1) + ": " + line);
            }
            var expected = new LinkedHashMap<String, String>();
            for (var r = 0; r < roles.size(); r++) {
                expected.put(roles.get(r), cells.get(FIRST_ROLE + r));
            }
            rows.add(new Row(
                    i + 1,
                    cells.get(0).replace("`", ""),
                    cells.get(1).replace("`", ""),
                    unquote(cells.get(2)),
                    expected,
                    cells.getLast()));
        }
        if (roles == null) {
            throw new IllegalArgumentException("The matrix has no header row");
        }
        return new AuthorisationMatrix(List.copyOf(roles), List.copyOf(rows));
    }

    /** Bodies are written in backticks so that Markdown shows them as code. */
    private static String unquote(String cell) {
        return cell.startsWith("`") && cell.endsWith("`") && cell.length() > 1
                ? cell.substring(1, cell.length() - 1)
                : cell;
    }
}
