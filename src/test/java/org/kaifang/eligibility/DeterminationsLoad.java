package org.kaifang.eligibility;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

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

        var measuring = new AtomicBoolean(false);
        var stop = new AtomicBoolean(false);
        var ok = new LongAdder();
        var errors = new LongAdder();
        var firstError = new AtomicLong(0);
        // Latencies in microseconds, one array per client so recording needs no locks.
        var latencies = new long[concurrency][];
        var counts = new int[concurrency];
        for (int i = 0; i < concurrency; i++) {
            latencies[i] = new long[1 << 16];
        }
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < concurrency; c++) {
                int client0 = c;
                clients.submit(() -> {
                    while (!stop.get()) {
                        long start = System.nanoTime();
                        try {
                            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
                            long micros = (System.nanoTime() - start) / 1_000;
                            boolean good = response.statusCode() == 201
                                    && response.body().contains("\"id\"")
                                    && response.body().contains("\"overall\"");
                            if (!measuring.get()) {
                                continue;
                            }
                            if (good) {
                                ok.increment();
                                if (counts[client0] == latencies[client0].length) {
                                    latencies[client0] = Arrays.copyOf(latencies[client0], counts[client0] * 2);
                                }
                                latencies[client0][counts[client0]++] = micros;
                            } else {
                                errors.increment();
                                if (firstError.compareAndSet(0, response.statusCode())) {
                                    System.err.println("unexpected answer " + response.statusCode() + ": "
                                            + response.body()
                                                    .substring(
                                                            0,
                                                            Math.min(
                                                                    300,
                                                                    response.body()
                                                                            .length())));
                                }
                            }
                        } catch (Exception e) {
                            if (measuring.get()) {
                                errors.increment();
                                if (firstError.compareAndSet(0, -1)) {
                                    System.err.println("request failed: " + e);
                                }
                            }
                        }
                    }
                    return null;
                });
            }
            System.out.printf("warming up for %d s with %d clients against %s%n", warmup, concurrency, url);
            Thread.sleep(warmup * 1_000L);
            measuring.set(true);
            long begin = System.nanoTime();
            Thread.sleep(seconds * 1_000L);
            measuring.set(false);
            double elapsed = (System.nanoTime() - begin) / 1e9;
            stop.set(true);

            long total = ok.sum();
            var all = new long
                    [(int) Math.min(
                            Integer.MAX_VALUE,
                            Arrays.stream(counts).asLongStream().sum())];
            int at = 0;
            for (int i = 0; i < concurrency; i++) {
                System.arraycopy(latencies[i], 0, all, at, counts[i]);
                at += counts[i];
            }
            Arrays.sort(all, 0, at);
            System.out.printf(
                    "determinations stored: %d in %.1f s = %.0f/s; errors: %d%n",
                    total, elapsed, total / elapsed, errors.sum());
            if (at > 0) {
                System.out.printf(
                        "latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
                        percentile(all, at, 0.50),
                        percentile(all, at, 0.90),
                        percentile(all, at, 0.99),
                        percentile(all, at, 0.999),
                        all[at - 1] / 1000.0);
            }
            if (errors.sum() > 0 || total == 0) {
                System.exit(1);
            }
        }
        System.exit(0);
    }

    private static double percentile(long[] sorted, int n, double p) {
        return sorted[Math.min(n - 1, (int) Math.ceil(p * n) - 1)] / 1000.0;
    }
}
