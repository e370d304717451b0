package org.kaifang.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaifang.testing.Databases;
import org.kaifang.testing.Databases.Database;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node killed with SIGKILL in the middle of a submission load, restarted on the same PostgreSQL: every submission
 * the API acknowledged is there exactly once, as acknowledged; no application exists half-written (without its
 * idempotency key, or with fewer audit records than versions); retrying every creation the clients sent, answered or
 * not, with its idempotency key gives back the acknowledged application and never a second one; and the audit chain
 * verifies. The server runs as its own process from the packaged jar ({@code target/kaifang.jar}, built by the
 * {@code package} phase before failsafe runs), started and configured as an operator would.
 */
class NodeCrashIntegrationTests {

    static final Path JAR = Path.of("target", "kaifang.jar");
    static final String ORGANISATION = "Lingang Cloud Data Co., Ltd.";
    static final String USERNAME = "crash.applicant";
    static final String PASSWORD = "crash test password " + UUID.randomUUID();
    static final String CREATE = """
            {"type":"NEW_LICENCE","applicantName":"Lingang Cloud Data Co., Ltd.","request":
             {"asOf":"2025-06-01",
              "applicant":{"name":"Lingang Cloud Data Co., Ltd.","seat":"310115","registeredCapitalCny":10000000},
              "foreignEquityPercent":100,
              "services":[{"code":"B11","item":"IDC","coverage":["CN"],"facilities":["310115"]}]}}
            """;
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*(\\d+)");

    final List<Process> started = new ArrayList<>();
    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    final String authorization =
            "Basic " + Base64.getEncoder().encodeToString((USERNAME + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    Database database;

    @TempDir
    Path data;

    @AfterEach
    void stopServers() throws InterruptedException {
        for (var process : started) {
            process.destroyForcibly();
            // Gone before the data directory is deleted.
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void aNodeKilledDuringSubmissionsLosesNoAcknowledgedOneAndLeavesNoneHalfWritten() throws Exception {
        if (!Files.isRegularFile(JAR)) {
            System.out.println("NodeCrashIntegrationTests skipped: " + JAR.toAbsolutePath()
                    + " is missing; it is built by `./mvnw package` (the verify run builds it before the ITs)");
            Assumptions.abort("no packaged jar at " + JAR);
        }
        database = Databases.embeddedPostgres();
        var jdbc = JdbcClient.create(database.dataSource());
        var began = System.nanoTime();
        var port = freePort();
        var server = launch(port, "first");
        // The applicant's account is made with the CLI while the server starts.
        cli("organisations", "add", "--name", ORGANISATION, "--kind", "COMPANY");
        cliWithInput(
                PASSWORD + "\n",
                "users",
                "add",
                "--org",
                ORGANISATION,
                "--username",
                USERNAME,
                "--name",
                "Crash Applicant",
                "--role",
                "APPLICANT",
                "--password-stdin");

        awaitHealthy(server, port, "first");
        var base = "http://127.0.0.1:" + port;
        var loadBegan = System.nanoTime();

        // Four clients submit until the node dies under them: each creation with a fresh key, then its submission.
        var sent = ConcurrentHashMap.<String>newKeySet();
        var created = new ConcurrentHashMap<String, String>();
        var submitted = ConcurrentHashMap.<String>newKeySet();
        var dead = new AtomicBoolean();
        var clients = new ArrayList<Thread>();
        for (int c = 0; c < 4; c++) {
            clients.add(Thread.ofPlatform().start(() -> {
                while (!dead.get()) {
                    var key = UUID.randomUUID().toString();
                    sent.add(key);
                    try {
                        var answer = create(base, key);
                        if (answer.statusCode() != 201) {
                            throw new AssertionError("create: " + answer.statusCode() + " " + answer.body());
                        }
                        var id = match(ID, answer.body());
                        created.put(key, id);
                        var submit = submit(base, id, match(VERSION, answer.body()));
                        if (submit.statusCode() != 200 || !submit.body().contains("\"SUBMITTED\"")) {
                            throw new AssertionError("submit: " + submit.statusCode() + " " + submit.body());
                        }
                        submitted.add(id);
                    } catch (IOException e) {
                        return; // the node is gone: this request may or may not have been done
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }));
        }
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (submitted.size() < 20 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        // SIGKILL: no shutdown hook, no graceful stop, no last chaining of audit records.
        server.destroyForcibly();
        assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
        dead.set(true);
        for (var client : clients) {
            client.join(TimeUnit.SECONDS.toMillis(40));
        }
        assertThat(submitted).as("submissions acknowledged before the kill").hasSizeGreaterThanOrEqualTo(10);

        var killed = System.nanoTime();
        awaitHealthy(launch(port, "restarted"), port, "restarted");
        var restarted = System.nanoTime();

        // Every acknowledged creation and submission is there, as acknowledged.
        for (var entry : created.entrySet()) {
            assertThat(rowsOf(jdbc, entry.getValue()))
                    .as("application %s", entry.getValue())
                    .isEqualTo(1);
        }
        for (var id : submitted) {
            assertThat(jdbc.sql("select status from applications.application where id = cast(:id as uuid)")
                            .param("id", id)
                            .query(String.class)
                            .single())
                    .isEqualTo("SUBMITTED");
        }
        // A client retries every creation it sent, answered or not: the acknowledged ones come back as they were,
        // the others are done now, and no key ever has two applications.
        for (var key : sent) {
            var answer = create(base, key);
            assertThat(answer.statusCode())
                    .as("retry of %s: %s", key, answer.body())
                    .isIn(200, 201);
            if (created.containsKey(key)) {
                assertThat(match(ID, answer.body())).isEqualTo(created.get(key));
            }
        }
        assertThat(jdbc.sql("select count(*) from applications.idempotency_key")
                        .query(Integer.class)
                        .single())
                .isEqualTo(sent.size());
        assertThat(jdbc.sql("select count(*) from applications.application")
                        .query(Integer.class)
                        .single())
                .as("one application per key, none without its key")
                .isEqualTo(sent.size());
        assertThat(jdbc.sql("""
                        select count(*) from applications.application a
                         where not exists (select 1 from applications.idempotency_key k where k.application_id = a.id)""").query(Integer.class).single()).isZero();

        // Every version of every application has its audit record: a change and its record committed together.
        var waitForChainer = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (pending(jdbc) > 0 && System.nanoTime() < waitForChainer) {
            Thread.sleep(100);
        }
        assertThat(pending(jdbc))
                .as("records left pending by the killed node, chained by the restarted one")
                .isZero();
        assertThat(jdbc.sql("""
                        select count(*) from applications.application a
                         where a.version <> (select count(*) from audit.audit_record r
                                              where r.subject_type = 'application'
                                                and r.subject_id = cast(a.id as varchar))""").query(Integer.class).single())
                .as("applications whose audit records do not match their versions")
                .isZero();

        var verify = cli("audit", "verify");
        assertThat(verify).startsWith("OK: ");
        System.out.printf(
                "NodeCrashIntegrationTests: %d submissions acknowledged, %d creations acknowledged, %d sent before"
                        + " SIGKILL; all present once after restart; %s%n  first start and accounts %.1f s, load %.1f s,"
                        + " restart %.1f s, checks %.1f s (load average %.1f)%n",
                submitted.size(),
                created.size(),
                sent.size(),
                verify,
                seconds(loadBegan - began),
                seconds(killed - loadBegan),
                seconds(restarted - killed),
                seconds(System.nanoTime() - restarted),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
    }

    static long pending(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from audit.pending_record")
                .query(Long.class)
                .single();
    }

    static int rowsOf(JdbcClient jdbc, String id) {
        return jdbc.sql("select count(*) from applications.application where id = cast(:id as uuid)")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    HttpResponse<String> create(String base, String key) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/applications"))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Authorization", authorization)
                        .header("Idempotency-Key", key)
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(CREATE))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> submit(String base, String id, String version) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/applications/" + id + "/submit"))
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Authorization", authorization)
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"version\":" + version + "}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    /** Starts {@code kaifang serve} from the jar on the test's PostgreSQL. */
    Process launch(int port, String name) throws Exception {
        var process = command("serve", "--port", String.valueOf(port), "--data", data.toString())
                .redirectErrorStream(true)
                .redirectOutput(log(name).toFile())
                .start();
        started.add(process);
        return process;
    }

    static Path log(String name) {
        return Path.of("target", "node-crash-" + name + ".log");
    }

    /** Waits until the server answers health UP. */
    void awaitHealthy(Process process, int port, String name) throws Exception {
        var log = log(name);
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the server stopped; see " + log.toAbsolutePath());
            }
            try {
                var health = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server was not healthy within 90 s; see " + log.toAbsolutePath());
    }

    /** Runs a {@code kaifang} command on the test's database, which must succeed; its output. */
    String cli(String... arguments) throws Exception {
        return cliWithInput("", arguments);
    }

    String cliWithInput(String input, String... arguments) throws Exception {
        var process = command(arguments).redirectErrorStream(true).start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as("kaifang %s: %s", String.join(" ", arguments), output)
                .isZero();
        return output.lines()
                .filter(l -> !l.startsWith("WARNING") && !l.isBlank())
                .reduce((a, b) -> a + "\n" + b)
                .orElse("");
    }

    ProcessBuilder command(String... arguments) {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(
                List.of(java, "-Xmx512m", "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command);
        builder.environment()
                .putAll(Map.of(
                        "KAIFANG_DB_URL", database.url(),
                        "KAIFANG_DB_USER", database.user(),
                        "KAIFANG_DB_PASSWORD", database.password()));
        return builder;
    }

    static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String match(Pattern pattern, String body) {
        var m = pattern.matcher(body);
        return m.find() ? m.group(1) : "";
    }
}
