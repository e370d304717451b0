package org.kaifang.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * The load client of issue 9's load tests, shared by the benchmark ({@code bench/api-load}, which runs {@link #main}
 * against a server on PostgreSQL) and the CI smoke test ({@code ApiLoadSmokeIntegrationTests}, a few seconds per
 * endpoint against a test server on the embedded PostgreSQL): the same requests and the same checks, so a smoke run
 * that passes means the benchmark's requests are answered as expected. Each endpoint is driven closed-loop by
 * {@link ClosedLoop}; any answer other than the expected one counts as an error.
 *
 * <ul>
 *   <li>{@link Endpoint#DETERMINATIONS}: {@code POST /api/v1/determinations}, the three-service {@code mixed} request
 *       (201, stored, with its overall outcome);
 *   <li>{@link Endpoint#REGISTER_SEARCH}: {@code GET /api/v1/register/licences} without a login, a mix of name, service,
 *       area, status and unfiltered searches (200 with a total);
 *   <li>{@link Endpoint#SUBMISSIONS}: creating an application with a fresh {@code Idempotency-Key} (201), the same
 *       creation again as a client retry would send it (the same id back) and submitting it (200, {@code SUBMITTED}).
 *       One operation is those three requests.
 * </ul>
 */
public final class ApiLoad {

    /** What the load client can drive. */
    public enum Endpoint {
        DETERMINATIONS,
        REGISTER_SEARCH,
        SUBMISSIONS
    }

    /** A Pudong applicant at 60% asking for three services: permitted, conditional and refused routes. */
    public static final String DETERMINATION = """
            {"asOf":"2025-03-01",
             "applicant":{"name":"Example Cloud (Shanghai) Co., Ltd.","seat":"310115","zones":[],"registeredCapitalCny":10000000},
             "foreignEquityPercent":60,
             "services":[
               {"code":"B21","item":"ECOMMERCE","coverage":["CN"],"facilities":["310115"]},
               {"code":"B11","item":"IDC","coverage":["CN"],"facilities":["110105","310115"]},
               {"code":"B25","item":"COMMUNITY","coverage":["310000"],"facilities":["440305"]}]}
            """;

    /** The register searches, taken in turn: names in both scripts, filters, and the unfiltered first page. */
    public static final List<String> REGISTER_QUERIES = List.of(
            "q=" + encode("网络科技"),
            "q=Technology",
            "q=" + encode("上海"),
            "service=B25",
            "service=B11&area=310000",
            "status=NORMAL&foreignInvested=true",
            "");

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

    private final HttpClient client;
    private final String base;
    private final String authorization;
    private final String applicantName;
    private final AtomicInteger nextQuery = new AtomicInteger();

    /**
     * A client for the server at {@code base} (e.g. {@code http://127.0.0.1:8080}); submissions send
     * {@code authorization} (e.g. {@code Bearer kf_…}, an applicant's API token) and apply in {@code applicantName}.
     */
    public ApiLoad(String base, String authorization, String applicantName) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.base = base.replaceAll("/$", "");
        this.authorization = authorization;
        this.applicantName = applicantName;
    }

    /** Drives {@code endpoint} from {@code concurrency} clients: {@code warmup} seconds, then {@code seconds} measured. */
    public ClosedLoop.Result run(Endpoint endpoint, int concurrency, int warmup, int seconds)
            throws InterruptedException {
        return ClosedLoop.run(concurrency, warmup, seconds, operation(endpoint));
    }

    /** One operation on {@code endpoint}: {@code null} when every answer was as expected, else what was wrong. */
    public Callable<String> operation(Endpoint endpoint) {
        return switch (endpoint) {
            case DETERMINATIONS -> this::determination;
            case REGISTER_SEARCH -> this::registerSearch;
            case SUBMISSIONS -> this::submission;
        };
    }

    String determination() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/determinations"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(DETERMINATION))
                .build();
        var response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 201
                        && response.body().contains("\"id\"")
                        && response.body().contains("\"overall\"")
                ? null
                : "determination: " + response.statusCode() + " " + head(response.body());
    }

    String registerSearch() throws Exception {
        var query = REGISTER_QUERIES.get(Math.floorMod(nextQuery.getAndIncrement(), REGISTER_QUERIES.size()));
        var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/register/licences?" + query))
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        var response = client.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && response.body().contains("\"total\"")
                ? null
                : "register search ?" + query + ": " + response.statusCode() + " " + head(response.body());
    }

    String submission() throws Exception {
        var key = UUID.randomUUID().toString();
        var body = """
                {"type":"NEW_LICENCE","applicantName":%s,"request":
                 {"asOf":"2025-06-01",
                  "applicant":{"name":%s,"seat":"310115","registeredCapitalCny":10000000},
                  "foreignEquityPercent":100,
                  "services":[{"code":"B11","item":"IDC","coverage":["CN"],"facilities":["310115"]}]}}
                """.formatted(jsonString(applicantName), jsonString(applicantName));
        var create = HttpRequest.newBuilder(URI.create(base + "/api/v1/applications"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", authorization)
                .header("Idempotency-Key", key)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        var created = client.send(create, HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            return "create: " + created.statusCode() + " " + head(created.body());
        }
        var id = match(ID, created.body());
        var retried = client.send(create, HttpResponse.BodyHandlers.ofString());
        if (retried.statusCode() / 100 != 2 || !id.equals(match(ID, retried.body()))) {
            return "retried create: " + retried.statusCode() + " " + head(retried.body());
        }
        var submit = HttpRequest.newBuilder(URI.create(base + "/api/v1/applications/" + id + "/submit"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", authorization)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\":" + match(VERSION, created.body()) + "}"))
                .build();
        var submitted = client.send(submit, HttpResponse.BodyHandlers.ofString());
        if (submitted.statusCode() != 200 || !submitted.body().contains("\"SUBMITTED\"")) {
            return "submit: " + submitted.statusCode() + " " + head(submitted.body());
        }
        return null;
    }

    /** One line per endpoint: operations, rate, errors and latency percentiles. */
    public static String describe(Endpoint endpoint, int concurrency, ClosedLoop.Result result) {
        var line = String.format(
                Locale.ROOT,
                "%-16s %3d clients: %,d in %.1f s = %,.1f/s; errors %d",
                endpoint,
                concurrency,
                result.ok(),
                result.seconds(),
                result.perSecond(),
                result.errors());
        if (result.latencies().length > 0) {
            line += String.format(
                    Locale.ROOT,
                    "; latency ms p50 %.1f p95 %.1f p99 %.1f max %.1f",
                    result.percentile(0.50),
                    result.percentile(0.95),
                    result.percentile(0.99),
                    result.maxMillis());
        }
        return line;
    }

    /**
     * Drives each endpoint in turn and prints a line for each; exits 1 if any saw an error or did nothing.
     *
     * <pre>java … org.kaifang.testing.ApiLoad BASE_URL AUTHORIZATION APPLICANT_NAME [warmupSeconds] [seconds]
     *     [concurrency] [ENDPOINT,…]</pre>
     */
    public static void main(String[] args) throws Exception {
        var load = new ApiLoad(args[0], args[1], args[2]);
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        int seconds = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        int concurrency = args.length > 5 ? Integer.parseInt(args[5]) : 16;
        var endpoints = new ArrayList<Endpoint>();
        for (var name : (args.length > 6 ? args[6] : "DETERMINATIONS,REGISTER_SEARCH,SUBMISSIONS").split(",")) {
            endpoints.add(Endpoint.valueOf(name.strip().toUpperCase(Locale.ROOT)));
        }
        var failed = false;
        for (var endpoint : endpoints) {
            System.out.printf(
                    "%s: warming up for %d s, then %d s measured, %d clients%n",
                    endpoint, warmup, seconds, concurrency);
            var result = load.run(endpoint, concurrency, warmup, seconds);
            System.out.println(describe(endpoint, concurrency, result));
            failed |= result.failed();
        }
        System.exit(failed ? 1 : 0);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String match(Pattern pattern, String body) {
        var m = pattern.matcher(body);
        return m.find() ? m.group(1) : "";
    }

    private static String head(String body) {
        return body.substring(0, Math.min(300, body.length()));
    }
}
