package org.kaifang.licensing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.kaifang.testing.Databases;
import org.kaifang.whatif.WhatIfBenchmark;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The part of a what-if that {@code WhatIfBenchmark} leaves out: reading every holder in force out of licensing's table
 * through {@link Licences#after}, a keyset page of 1,000 at a time, as the what-if's {@code Subjects} does.
 * {@code BENCH_HOLDER_ROWS} licences (default 200,000: an in-memory H2 holds a million JSON bodies only in a larger heap
 * than the bench fork's) are stored once, then walked; the figure scales linearly, one indexed range query per page.
 *
 * <p>Run with {@code ./mvnw -Pbench test-compile exec:exec -Dbench=HolderPagesBenchmark}.
 */
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class HolderPagesBenchmark {

    static final int ROWS = Integer.parseInt(
            System.getenv().getOrDefault("BENCH_HOLDER_ROWS", "200000").strip());

    Licences licences;

    @Setup(Level.Trial)
    public void store() {
        var module = LicenceFixtures.module(Databases.h2());
        licences = module.licences();
        var random = new Random(20_250_418L);
        var batch = new ArrayList<LicenceChanged>(5_000);
        for (int i = 0; i < ROWS; i++) {
            var view = WhatIfBenchmark.Synthetic.licence(random, i);
            batch.add(new LicenceChanged(
                    view, LicenceChange.RECORDED, "bench", Instant.parse("2025-01-01T00:00:00Z"), null));
            if (batch.size() == 5_000) {
                module.store().insert(batch);
                batch.clear();
            }
        }
        module.store().insert(batch);
    }

    @Benchmark
    public long walkEveryHolderInForce() {
        var started = System.nanoTime();
        long holders = 0;
        long services = 0;
        LicenceId after = null;
        while (true) {
            var page = licences.after(after, 1_000);
            if (page.isEmpty()) {
                break;
            }
            for (var licence : page) {
                if (licence.status() != LicenceStatus.NORMAL) {
                    continue;
                }
                holders++;
                services += licence.services().size();
            }
            after = page.getLast().id();
        }
        var seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "%n[holders] %,d holders (%,d services) read in %.1f s: %.0f holders/s, %.0f s per million%n",
                holders, services, seconds, holders / seconds, 1_000_000 / (holders / seconds));
        return holders;
    }
}
