package org.kaifang.accounts;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What checking one API request's credentials costs in CPU: HTTP Basic (a bcrypt comparison with Kaifang's encoder,
 * cost 10) against an API token (a SHA-256 of the secret, looked up by hash). Why machine clients should use tokens
 * (docs/security.md). One thread on one processor.
 *
 * <p>Run: {@code ./mvnw -Pbench test-compile exec:exec -Dbench=CredentialCheckBenchmark}
 */
@State(Scope.Benchmark)
@Threads(1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-XX:ActiveProcessorCount=1"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CredentialCheckBenchmark {

    private PasswordEncoder encoder;
    private String hash;
    private String secret;

    @Setup
    public void setUp() {
        encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        hash = encoder.encode("demo password for tests");
        secret = "kf_" + "Vb2xQ9".repeat(7) + "A";
    }

    @Benchmark
    public boolean httpBasicBcrypt() {
        return encoder.matches("demo password for tests", hash);
    }

    @Benchmark
    public String apiTokenSha256() {
        return ApiTokens.sha256(secret);
    }
}
