package org.kaifang.eligibility;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.kaifang.testing.ClosedLoop;

/**
 * A closed-loop load generator for {@code POST /api/v1/determinations}: {@code concurrency} clients each send a
 * three-service request, wait for the answer, and send the next. Every answer must be 201 with a stored id; anything
 * else counts as an error and fails the run. Reports throughput and latency percentiles of the measured phase.
 *
 * <p>Run with {@code bench/rest-load}, which starts a server on a fresh database first.
 *
 * <pre>java … org.kaifang.eligibility.DeterminationsLoad URL [warmupSeconds] [seconds] [concurrency]</pre>
 */
public final class DeterminationsLoad {

    /** A Pudong applicant at 60% asking for three services: permitted, conditional and refused routes. */
    static final String BODY = """
            {"asOf":"2025-03-01",
             "applicant":{"name":"Example Cloud (Shanghai) Co., Ltd.","seat":"310115","zones":[],"registeredCapitalCny":10000000},
             "foreignEquityPercent":60,
             "services":[
               {"code":"B21","item":"ECOMMERCE","coverage":["CN"],"facilities":["310115"]},
               {"code":"B11","item":"IDC","coverage":["CN"],"facilities":["110105","310115"]},
               {"code":"B25","item":"COMMUNITY","coverage":["310000"],"facilities":["440305"]}]}
            """;

    private DeterminationsLoad() {}

    public static void main(String[] args) throws Exception {
        var url = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080/api/v1/determinations");
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 32;

        var client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        var request = HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                .build();

        System.out.printf("warming up for %d s with %d clients against %s%n", warmup, concurrency, url);
        var result = ClosedLoop.run(concurrency, warmup, seconds, () -> {
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            boolean good = response.statusCode() == 201
                    && response.body().contains("\"id\"")
                    && response.body().contains("\"overall\"");
            return good
                    ? null
                    : "unexpected answer " + response.statusCode() + ": "
                            + response.body()
                                    .substring(0, Math.min(300, response.body().length()));
        });
        System.out.printf(
                "determinations stored: %d in %.1f s = %.0f/s; errors: %d%n",
                result.ok(), result.seconds(), result.perSecond(), result.errors());
        if (result.latencies().length > 0) {
            System.out.printf(
                    "latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                    result.percentile(0.50),
                    result.percentile(0.90),
                    result.percentile(0.99),
                    result.percentile(0.999),
                    result.maxMillis());
        }
        System.exit(result.failed() ? 1 : 0);
    }
}
