package org.kaifang.eligibility;

import java.net.URI;
import org.kaifang.testing.ApiLoad;

/**
 * A closed-loop load generator for {@code POST /api/v1/determinations}: {@code concurrency} clients each send a
 * three-service request, wait for the answer, and send the next. Every answer must be 201 with a stored id; anything
 * else counts as an error and fails the run. Reports throughput and latency percentiles of the measured phase. The
 * request and its check are {@link ApiLoad}'s, which the CI smoke test drives too.
 *
 * <p>Run with {@code bench/rest-load}, which starts a server on a fresh database first.
 *
 * <pre>java … org.kaifang.eligibility.DeterminationsLoad URL [warmupSeconds] [seconds] [concurrency]</pre>
 */
public final class DeterminationsLoad {

    private DeterminationsLoad() {}

    public static void main(String[] args) throws Exception {
        var url = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080/api/v1/determinations");
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int concurrency = args.length > 3 ? Integer.parseInt(args[3]) : 32;

        var base = url.toString().replaceFirst("/api/v1/determinations/?$", "");
        var load = new ApiLoad(base, "", "");

        System.out.printf("warming up for %d s with %d clients against %s%n", warmup, concurrency, url);
        var result = load.run(ApiLoad.Endpoint.DETERMINATIONS, concurrency, warmup, seconds);
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
