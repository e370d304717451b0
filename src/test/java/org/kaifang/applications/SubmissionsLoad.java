package org.kaifang.applications;

import org.kaifang.testing.ApiLoad;

/**
 * A closed-loop load generator for application submissions through the API: each of {@code concurrency} clients
 * creates a draft with a fresh {@code Idempotency-Key} ({@code POST /api/v1/applications}, 201), sends the same
 * creation again as a client retry would (201 or 200 with the same id), and submits it
 * ({@code POST /api/v1/applications/{id}/submit}, 200, status {@code SUBMITTED}: the determination is made and stored,
 * the clock starts, the audit record and the notice are written). One submission is those three requests; anything
 * else is an error and fails the run.
 *
 * <p>The requests and their checks are {@link ApiLoad}'s, which the CI smoke test drives too.
 *
 * <p>Run with {@code bench/submissions-load}, which starts a server and issues an API token first.
 *
 * <pre>java … org.kaifang.applications.SubmissionsLoad BASE_URL AUTHORIZATION [warmupSeconds] [seconds] [concurrency]</pre>
 */
public final class SubmissionsLoad {

    private SubmissionsLoad() {}

    public static void main(String[] args) throws Exception {
        var base = args[0].replaceAll("/$", "");
        var authorization = args[1];
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 16;
        var load = new ApiLoad(base, authorization, "Lingang Cloud Data Co., Ltd.");

        System.out.printf("warming up for %d s with %d clients against %s%n", warmup, concurrency, base);
        var result = load.run(ApiLoad.Endpoint.SUBMISSIONS, concurrency, warmup, seconds);
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
}
