package org.kaifang.applications;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.kaifang.testing.ClosedLoop;

/**
 * A closed-loop load generator for application submissions through the API: each of {@code concurrency} clients
 * creates a draft with a fresh {@code Idempotency-Key} ({@code POST /api/v1/applications}, 201), sends the same
 * creation again as a client retry would (201 or 200 with the same id), and submits it
 * ({@code POST /api/v1/applications/{id}/submit}, 200, status {@code SUBMITTED}: the determination is made and stored,
 * the clock starts, the audit record and the notice are written). One submission is those three requests; anything
 * else is an error and fails the run.
 *
 * <p>Run with {@code bench/submissions-load}, which starts a server and issues an API token first.
 *
 * <pre>java … org.kaifang.applications.SubmissionsLoad BASE_URL AUTHORIZATION [warmupSeconds] [seconds] [concurrency]</pre>
 */
public final class SubmissionsLoad {

    static final String CREATE = """
            {"type":"NEW_LICENCE","applicantName":"Lingang Cloud Data Co., Ltd.","request":
             {"asOf":"2025-06-01",
              "applicant":{"name":"Lingang Cloud Data Co., Ltd.","seat":"310115","registeredCapitalCny":10000000},
              "foreignEquityPercent":100,
              "services":[{"code":"B11","item":"IDC","coverage":["CN"],"facilities":["310115"]}]}}
            """;

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

    private SubmissionsLoad() {}

    public static void main(String[] args) throws Exception {
        var base = args[0].replaceAll("/$", "");
        var authorization = args[1];
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 16;
        var client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        System.out.printf("warming up for %d s with %d clients against %s%n", warmup, concurrency, base);
        var result = ClosedLoop.run(concurrency, warmup, seconds, () -> submitOne(client, base, authorization));
        System.out.printf(
                "submissions (create + retried create + submit): %d in %.1f s = %.0f/s; errors: %d%n",
                result.ok(), result.seconds(), result.perSecond(), result.errors());
        if (result.latencies().length > 0) {
            System.out.printf(
                    "latency of a whole submission, ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                    result.percentile(0.50), result.percentile(0.95), result.percentile(0.99), result.maxMillis());
        }
        System.exit(result.failed() ? 1 : 0);
    }

    /** One submission; {@code null} when every answer was as expected, else what was wrong. */
    static String submitOne(HttpClient client, String base, String authorization) throws Exception {
        var key = UUID.randomUUID().toString();
        var create = HttpRequest.newBuilder(URI.create(base + "/api/v1/applications"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", authorization)
                .header("Idempotency-Key", key)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(CREATE))
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

    private static String match(Pattern pattern, String body) {
        var m = pattern.matcher(body);
        return m.find() ? m.group(1) : "";
    }

    private static String head(String body) {
        return body.substring(0, Math.min(300, body.length()));
    }
}
