package org.kaifang.testing;

import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The loop of the benchmark load generators: {@code concurrency} virtual-thread clients each run one operation, wait
 * for it and run the next; after a warm-up, the measured phase counts operations and records their latencies. An
 * operation returns {@code null} when every answer was as expected, else what was wrong: that counts as an error.
 */
public final class ClosedLoop {

    /** What the measured phase saw; latencies in microseconds, sorted; the first error's description, if any. */
    public record Result(
            long ok,
            long errors,
            double seconds,
            long[] latencies,
            @Nullable String firstError) {

        public double perSecond() {
            return ok / seconds;
        }

        /** The {@code p}-th quantile of the latencies in milliseconds. */
        public double percentile(double p) {
            return latencies[Math.min(latencies.length - 1, (int) Math.ceil(p * latencies.length) - 1)] / 1000.0;
        }

        public double maxMillis() {
            return latencies[latencies.length - 1] / 1000.0;
        }

        /** Whether the run should fail: any error, or nothing done. */
        public boolean failed() {
            return errors > 0 || ok == 0;
        }
    }

    private ClosedLoop() {}

    public static Result run(int concurrency, int warmupSeconds, int seconds, Callable<String> operation)
            throws InterruptedException {
        var measuring = new AtomicBoolean(false);
        var stop = new AtomicBoolean(false);
        var ok = new LongAdder();
        var errors = new LongAdder();
        var firstError = new AtomicReference<String>();
        // One latency array per client, so that recording needs no locks.
        var latencies = new long[concurrency][];
        var counts = new int[concurrency];
        for (int i = 0; i < concurrency; i++) {
            latencies[i] = new long[1 << 14];
        }
        double elapsed;
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < concurrency; c++) {
                int me = c;
                clients.submit(() -> {
                    while (!stop.get()) {
                        long start = System.nanoTime();
                        String problem;
                        try {
                            problem = operation.call();
                        } catch (Exception e) {
                            problem = "request failed: " + e;
                        }
                        long micros = (System.nanoTime() - start) / 1_000;
                        if (!measuring.get()) {
                            continue;
                        }
                        if (problem == null) {
                            ok.increment();
                            if (counts[me] == latencies[me].length) {
                                latencies[me] = Arrays.copyOf(latencies[me], counts[me] * 2);
                            }
                            latencies[me][counts[me]++] = micros;
                        } else {
                            errors.increment();
                            if (firstError.compareAndSet(null, problem)) {
                                System.err.println(problem);
                            }
                        }
                    }
                    return null;
                });
            }
            Thread.sleep(warmupSeconds * 1_000L);
            measuring.set(true);
            long begin = System.nanoTime();
            Thread.sleep(seconds * 1_000L);
            measuring.set(false);
            elapsed = (System.nanoTime() - begin) / 1e9;
            stop.set(true);
        }
        var all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int i = 0; i < concurrency; i++) {
            System.arraycopy(latencies[i], 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        return new Result(ok.sum(), errors.sum(), elapsed, all, firstError.get());
    }
}
