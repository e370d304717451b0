package org.kaifang.register;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.kaifang.licensing.ExistingLicence;
import org.kaifang.licensing.LicenceId;
import org.kaifang.licensing.LicenceView;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The register's budgets of issue 6 on the embedded PostgreSQL 17 with {@code BENCH_LICENCES} licences (default
 * 1,000,000; the read model bulk-loaded with COPY from the demo register's licences, renamed and renumbered): search
 * p95 under 150 ms over a mix of searches ({@link #search}, sample time: JMH prints the percentiles), and a full CSV
 * snapshot under 60 s with heap growth under 256 MB ({@link #export}, printed as a {@code [register]} line).
 *
 * <p>Run with {@code ./mvnw -Pbench test-compile exec:exec -Dbench=RegisterBenchmark}.
 */
@State(Scope.Benchmark)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class RegisterBenchmark {

    EmbeddedPostgres postgres;
    DataSource dataSource;
    Register register;
    org.springframework.transaction.support.TransactionTemplate readOnly;
    BulkData bulk;
    List<RegisterQuery> queries;
    List<String> names;
    Random random = new Random(7);
    int n;

    static int licences() {
        var env = System.getenv("BENCH_LICENCES");
        return env == null || env.isBlank()
                ? 1_000_000
                : Integer.parseInt(env.strip().replace("_", ""));
    }

    @Setup(Level.Trial)
    public void load() throws Exception {
        n = licences();
        var builder = EmbeddedPostgres.builder();
        var kept = System.getenv("BENCH_PGDATA");
        if (kept != null && !kept.isBlank()) {
            // A data directory kept between runs: the bulk load (minutes) is done once; later runs only migrate.
            builder.setDataDirectory(Path.of(kept)).setCleanDataDirectory(false);
        }
        postgres = builder.start();
        var url = postgres.getJdbcUrl("postgres", "postgres");
        var single = new SingleConnectionDataSource(url, "postgres", "", true);
        Flyway.configure()
                .dataSource(single)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        var start = System.nanoTime();
        var templates = DemoRegisterData.generate();
        var names = new ArrayList<String>();
        var held = JdbcClient.create(single)
                .sql("select count(*) from register.licence")
                .query(Long.class)
                .single();
        if (held == n) {
            for (int i = 0; i < n; i += 997) {
                names.add(view(templates.get(i % templates.size()), i).holder().substring(0, 6));
            }
        } else if (held > 0) {
            throw new IllegalStateException(
                    "BENCH_PGDATA holds " + held + " licences, not " + n + ": remove it or set BENCH_LICENCES");
        } else
            try (var connection = single.getConnection()) {
                var copy = connection.unwrap(PGConnection.class).getCopyAPI();
                var chunk = 2_000;
                for (int from = 0; from < n; from += chunk) {
                    var licence = new StringBuilder();
                    var search = new StringBuilder();
                    var history = new StringBuilder();
                    var services = new StringBuilder();
                    var areas = new StringBuilder();
                    for (int i = from; i < Math.min(n, from + chunk); i++) {
                        var view = view(templates.get(i % templates.size()), i);
                        if (i % 997 == 0) {
                            names.add(view.holder().substring(0, 6));
                        }
                        var json = Register.JSON.writeValueAsString(view).replace("\\", "\\\\");
                        var at = "2025-06-30 00:00:00+00";
                        licence.append(String.join(
                                        "\t",
                                        view.id().value(),
                                        view.kind().name(),
                                        nul(view.number()),
                                        view.holder(),
                                        nul(view.holderEn()),
                                        nul(view.uscc()),
                                        view.authority(),
                                        Boolean.toString(view.foreignInvested()),
                                        Boolean.toString(view.pilot()),
                                        view.status().name(),
                                        view.issuedOn().toString(),
                                        view.validUntil() == null
                                                ? "\\N"
                                                : view.validUntil().toString(),
                                        "true",
                                        "1",
                                        at,
                                        "2025-06-30",
                                        json))
                                .append('\n');
                        search.append(String.join(
                                        "\t",
                                        view.id().value(),
                                        view.holder(),
                                        NameKey.tokens(view.holder()),
                                        view.holderEn() == null ? "\\N" : NameKey.english(view.holderEn()),
                                        view.status().name(),
                                        Boolean.toString(view.foreignInvested()),
                                        Boolean.toString(view.pilot()),
                                        Register.joined(Register.services(view)),
                                        Register.joined(Register.areas(view))))
                                .append('\n');
                        history.append(String.join(
                                        "\t",
                                        view.id().value(),
                                        "1",
                                        "RECORDED",
                                        "system",
                                        at,
                                        "2025-06-30",
                                        "\\N",
                                        json))
                                .append('\n');
                        for (var code : Register.services(view)) {
                            services.append(view.id().value())
                                    .append('\t')
                                    .append(code)
                                    .append('\n');
                        }
                        for (var area : Register.areas(view)) {
                            areas.append(view.id().value())
                                    .append('\t')
                                    .append(area)
                                    .append('\n');
                        }
                    }
                    copy.copyIn(
                            "copy register.licence (id, kind, number, holder, holder_en, uscc, authority,"
                                    + " foreign_invested, pilot, status, issued_on, valid_until, synthetic,"
                                    + " version, changed_at, changed_on, view_json) from stdin",
                            new StringReader(licence.toString()));
                    copy.copyIn("copy register.licence_search from stdin", new StringReader(search.toString()));
                    copy.copyIn(
                            "copy register.licence_history (licence_id, version, change, actor, at, changed_on, reason,"
                                    + " view_json) from stdin",
                            new StringReader(history.toString()));
                    copy.copyIn("copy register.licence_service from stdin", new StringReader(services.toString()));
                    copy.copyIn("copy register.licence_area from stdin", new StringReader(areas.toString()));
                }
                try (var statement = connection.createStatement()) {
                    statement.execute("""
                        insert into register.facet_count (facet, val, n)
                          select 'status', status, count(*) from register.licence group by status
                          union all select 'foreignInvested', cast(foreign_invested as varchar), count(*)
                            from register.licence group by foreign_invested
                          union all select 'pilot', cast(pilot as varchar), count(*) from register.licence group by pilot
                          union all select 'service', code, count(*) from register.licence_service group by code
                          union all select 'area', area, count(*) from register.licence_area group by area""");
                    // The visibility map too, so that index-only scans of the service and area tables work at once.
                    statement.execute("vacuum analyze");
                }
            }
        var loaded = (System.nanoTime() - start) / 1e9;
        RegisterIndexes.ensure(single);
        var indexed = (System.nanoTime() - start) / 1e9;
        single.destroy();
        dataSource = new SingleConnectionDataSource(url, "postgres", "", true);
        register = new Register(dataSource);
        // Searches run in a read-only transaction (Register.search opens one itself on its read source; this one it
        // joins).
        readOnly = new org.springframework.transaction.support.TransactionTemplate(
                new DataSourceTransactionManager(dataSource));
        readOnly.setReadOnly(true);
        bulk = new BulkData(
                dataSource,
                new DataSourceTransactionManager(dataSource),
                Clock.fixed(Instant.parse("2025-07-01T00:00:00Z"), ZoneOffset.UTC));
        this.names = names;
        queries = queries(names);
        System.out.printf(
                "%n[register] %,d licences loaded in %.1f s, search indexes after %.1f s; load average %.2f%n",
                n, loaded, indexed, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String nul(String value) {
        return value == null ? "\\N" : value;
    }

    /** The demo licence {@code e} made the {@code i}th of the benchmark's: its own id, number, names and USCC. */
    static LicenceView view(ExistingLicence e, int i) {
        var number =
                e.number() == null ? null : e.number().substring(0, e.number().length() - 4) + "-" + i;
        var holder = e.holder().replace("有限公司", "第" + i + "有限公司");
        var uscc = e.uscc() == null ? null : e.uscc().substring(0, 8) + String.format("%010d", i);
        return new LicenceView(
                new LicenceId("B" + i),
                e.kind(),
                number,
                holder,
                e.holderEn() == null ? null : e.holderEn().replace("Co., Ltd.", "No. " + i + " Co., Ltd."),
                uscc,
                null,
                e.legalRepresentative(),
                e.registeredCapitalCny(),
                e.authority(),
                e.foreignInvested(),
                e.pilot(),
                e.pilotArea(),
                e.services(),
                e.issuedOn(),
                e.validFrom(),
                e.validUntil(),
                e.status(),
                e.conditions(),
                e.termination(),
                null,
                true,
                e.source(),
                1);
    }

    /** The mix: partial names in both languages, exact USCCs and numbers, facet filters, the landing page. */
    private List<RegisterQuery> queries(List<String> names) {
        return shapes(names).values().stream().flatMap(List::stream).toList();
    }

    /** The mix by query shape, for {@link #shapes()}'s percentiles per shape. */
    private Map<String, List<RegisterQuery>> shapes(List<String> names) {
        var shapes = new java.util.LinkedHashMap<String, List<RegisterQuery>>();
        var r = new Random(11);
        var templates = DemoRegisterData.generate();
        for (int i = 0; i < 200; i++) {
            var k = r.nextInt(n);
            var v = view(templates.get(k % templates.size()), k);
            add(shapes, "name prefix (6 Chinese characters)", Map.of("q", names.get(r.nextInt(names.size()))));
            add(
                    shapes,
                    "name end (last 10 characters)",
                    Map.of("q", v.holder().substring(v.holder().length() - 10)));
            add(
                    shapes,
                    "name middle (4 Chinese characters)",
                    Map.of("q", v.holder().substring(4, 8)));
            add(
                    shapes,
                    "English name prefix (12 letters)",
                    Map.of("q", v.holderEn().substring(0, 12)));
            if (v.uscc() != null) {
                add(shapes, "exact USCC", Map.of("q", v.uscc()));
            }
            if (v.number() != null) {
                add(shapes, "exact licence number", Map.of("q", v.number()));
            }
        }
        add(shapes, "one character", Map.of("q", "网"));
        add(shapes, "two characters", Map.of("q", "网络"));
        add(shapes, "landing page (unfiltered)", Map.of());
        add(shapes, "service + area", Map.of("service", "B11", "area", "310000"));
        add(shapes, "status", Map.of("status", "REVOKED"));
        add(shapes, "status + area", Map.of("status", "WITHDRAWN", "area", "440000"));
        add(shapes, "pilot", Map.of("pilot", "true"));
        add(shapes, "foreign-invested + service", Map.of("foreignInvested", "true", "service", "B24"));
        add(shapes, "service, page 4", Map.of("service", "B26", "page", "3"));
        return shapes;
    }

    private static void add(Map<String, List<RegisterQuery>> shapes, String shape, Map<String, String> parameters) {
        shapes.computeIfAbsent(shape, s -> new ArrayList<>()).add(RegisterQuery.parse(parameters));
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException {
        ((SingleConnectionDataSource) dataSource).destroy();
        postgres.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1, time = 10)
    @Measurement(iterations = 3, time = 20)
    public RegisterPage search() {
        return search(queries.get(random.nextInt(queries.size())));
    }

    /**
     * Each query shape of the mix on its own, one thread: every query of the shape (at most 30) once as warm-up, then
     * 2 rounds, each query timed; prints p50, p95 and the maximum per shape as {@code [register]} lines.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public long shapes() {
        var total = 0L;
        System.out.printf("%n[register] load average %.2f at the start%n", loadAverage());
        for (var shape : shapes(names).entrySet()) {
            var qs = shape.getValue().subList(0, Math.min(30, shape.getValue().size()));
            qs.forEach(this::search);
            var times = new ArrayList<Double>();
            var total1 = 0L;
            for (int round = 0; round < 2; round++) {
                for (var q : qs) {
                    var start = System.nanoTime();
                    total1 += search(q).total();
                    times.add((System.nanoTime() - start) / 1e6);
                }
            }
            total += total1;
            java.util.Collections.sort(times);
            System.out.printf(
                    "[register] %-40s n=%4d  p50 %8.1f ms  p95 %8.1f ms  max %8.1f ms  mean total %,d%n",
                    shape.getKey(),
                    times.size(),
                    times.get(times.size() / 2),
                    times.get((int) Math.ceil(times.size() * 0.95) - 1),
                    times.getLast(),
                    total1 / times.size());
        }
        System.out.printf("[register] load average %.2f at the end%n", loadAverage());
        return total;
    }

    private RegisterPage search(RegisterQuery query) {
        return readOnly.execute(status -> register.search(query));
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** The full CSV snapshot, once: prints the time and the heap used (the fork's heap is 256 MB). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public BulkData.Manifest export() {
        return export(BulkData.Format.CSV);
    }

    /** The full JSON Lines snapshot, once: prints the time and the heap used (the fork's heap is 256 MB). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public BulkData.Manifest exportJsonl() {
        return export(BulkData.Format.JSONL);
    }

    private BulkData.Manifest export(BulkData.Format format) {
        System.gc();
        var heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        heap.forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        var before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        var start = System.nanoTime();
        var manifest = bulk.write(
                BulkData.Kind.SNAPSHOT, format, LocalDate.parse("2025-06-30"), OutputStream.nullOutputStream());
        var seconds = (System.nanoTime() - start) / 1e9;
        var peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf(
                "%n[register] %s export of %,d rows in %.1f s, heap %d MB before, peak %d MB (growth %d MB); load average"
                        + " %.2f%n",
                format,
                manifest.rows(),
                seconds,
                before >> 20,
                peak >> 20,
                (peak - before) >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return manifest;
    }
}
