package org.kaifang.licensing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.kaifang.testing.Databases;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The brief's budget for taking over a register: about 12,400 licences (the size of the demo register) "in a few
 * seconds on H2". Each invocation records all of them into a fresh, migrated database, with {@link Licences#record}
 * as the module runs it (checked whole, 1,000 per transaction, batched), publishing to a listener that only keeps the
 * events: the audit trail's own cost per event is not in this figure.
 *
 * <p>Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench=RecordBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class RecordBenchmark {

    @Param({"H2", "PostgreSQL"})
    public String database;

    private List<ExistingLicence> register;
    private LicenceFixtures.Module module;

    @Setup(Level.Trial)
    public void register() {
        register = new ArrayList<>();
        for (int i = 1; i <= 12_400; i++) {
            register.add(LicenceFixtures.existing(String.format("B2-2019%05d", i), "公司" + i));
        }
    }

    @Setup(Level.Invocation)
    public void freshDatabase() {
        module = LicenceFixtures.module(database.equals("H2") ? Databases.h2() : Databases.embeddedPostgres());
    }

    @Benchmark
    public int record() {
        return module.licences().record(register, "system").size();
    }
}
