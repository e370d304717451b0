package org.kaifang.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.kaifang.KaifangApplication;
import org.kaifang.accounts.Accounts;
import org.kaifang.applications.ActionRefused;
import org.kaifang.applications.Actor;
import org.kaifang.applications.ApplicationStatus;
import org.kaifang.applications.ApplicationType;
import org.kaifang.applications.Applications;
import org.kaifang.applications.LicenceApplication;
import org.kaifang.applications.Verdict;
import org.kaifang.audit.AuditTrail;
import org.kaifang.audit.Verification;
import org.kaifang.licensing.ExistingLicence;
import org.kaifang.licensing.LicenceChange;
import org.kaifang.licensing.LicenceKind;
import org.kaifang.licensing.LicenceStatus;
import org.kaifang.licensing.Licences;
import org.kaifang.licensing.LicensedService;
import org.kaifang.testing.Actors;
import org.kaifang.testing.Databases;
import org.kaifang.testing.Databases.Database;
import org.kaifang.testing.DemoLogins;
import org.kaifang.testing.FormClient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Two Kaifang nodes, each a whole application context with its own web server, connection pool, scheduler and audit
 * chainer, sharing one PostgreSQL: what one node does is seen by the other, licences are issued once and numbered
 * without gaps or duplicates when both approve at once, a scheduled job triggered on both runs once, and the audit
 * chain both nodes append to verifies.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIntegrationTests {

    static final String FOREIGN_IDC = """
            {"asOf":"2025-06-01",
             "applicant":{"name":"Lingang Cloud Data Co., Ltd.","uscc":"91310115MA1K4LXQ26","seat":"310115",
                          "registeredCapitalCny":10000000},
             "foreignEquityPercent":49,
             "services":[{"code":"B11","item":"IDC","coverage":["CN"],"facilities":["310115"]}]}
            """;

    @TempDir
    static Path dataDirs;

    static Database database;
    static JdbcClient jdbc;
    static Node a;
    static Node b;

    /** One running node and the beans the test drives it through. */
    record Node(String name, ConfigurableApplicationContext context, int port) {

        Applications applications() {
            return context.getBean(Applications.class);
        }

        Actor actor(String username) {
            return Actors.of(context.getBean(Accounts.class), username);
        }

        Licences licences() {
            return context.getBean(Licences.class);
        }

        AuditTrail audit() {
            return context.getBean(AuditTrail.class);
        }

        /** The licensing module's scheduled-jobs bean, whose methods the scheduler calls (through their lock). */
        Object licensingJobs() {
            try {
                return context.getBean(Class.forName("org.kaifang.licensing.LicensingConfiguration$ScheduledJobs"));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @BeforeAll
    static void startTwoNodes() throws Exception {
        database = Databases.embeddedPostgres();
        jdbc = JdbcClient.create(database.dataSource());
        // The first node creates the demo logins; the second finds them in the database like any later node would.
        a = start("A", true);
        b = start("B", false);
    }

    @AfterAll
    static void stopNodes() {
        for (var node : new Node[] {a, b}) {
            if (node != null) {
                node.context().close();
            }
        }
    }

    static Node start(String name, boolean demo) throws Exception {
        var dataDir = Files.createDirectories(dataDirs.resolve(name));
        // Command-line arguments, as an operator would start a node: they outrank application.properties.
        var context = new SpringApplicationBuilder(KaifangApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + database.url(),
                        "--spring.datasource.username=" + database.user(),
                        "--spring.datasource.password=" + database.password(),
                        "--kaifang.data-dir=" + dataDir,
                        "--kaifang.demo=" + demo,
                        "--" + DemoLogins.FIXED_PASSWORD,
                        // The test triggers the daily jobs itself, on both nodes at once; the clock never does.
                        "--kaifang.licensing.daily-cron=-",
                        "--kaifang.licensing.startup-delay=P1D");
        var port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        return new Node(name, context, port);
    }

    static LicenceApplication recommended(Node created, Node reviewed) {
        var apps = created.applications();
        var app =
                apps.create(created.actor("applicant.a"), ApplicationType.NEW_LICENCE, "临港云数据有限公司", FOREIGN_IDC, null);
        app = apps.submit(created.actor("applicant.a"), app.id(), app.version());
        var review = reviewed.applications();
        app = review.accept(reviewed.actor("officer"), app.id(), app.version());
        app = review.startReview(reviewed.actor("officer"), app.id(), app.version());
        return review.recommend(reviewed.actor("officer"), app.id(), app.version(), Verdict.APPROVE, "Complete");
    }

    static int lastHeZiNumber() {
        return jdbc.sql("select coalesce(max(last_seq), 0) from licensing.number_counter where prefix = '合字'")
                .query(Integer.class)
                .single();
    }

    @Test
    @Order(1)
    void approvalsOnBothNodesAtOnceIssueEveryLicenceOnceNumberedWithoutGapsOrDuplicates() throws Exception {
        var count = 12;
        var apps = new ArrayList<LicenceApplication>();
        for (int i = 0; i < count; i++) {
            // Each application moves between the nodes on its way: created on one, reviewed on the other.
            apps.add(i % 2 == 0 ? recommended(a, b) : recommended(b, a));
        }
        var before = lastHeZiNumber();

        var barrier = new CyclicBarrier(4);
        var pool = Executors.newFixedThreadPool(4);
        try {
            var decisions = new ArrayList<Future<LicenceApplication>>();
            for (int i = 0; i < count; i++) {
                var app = apps.get(i);
                var node = i % 2 == 0 ? b : a;
                var first = i < 4;
                decisions.add(pool.submit(() -> {
                    if (first) {
                        barrier.await(10, TimeUnit.SECONDS);
                    }
                    return node.applications()
                            .decide(node.actor("approver"), app.id(), app.version(), Verdict.APPROVE, "Met");
                }));
            }
            for (var decision : decisions) {
                assertThat(decision.get(60, TimeUnit.SECONDS).status()).isEqualTo(ApplicationStatus.APPROVED);
            }
        } finally {
            pool.shutdownNow();
        }

        var numbers = new ArrayList<Integer>();
        for (var app : apps) {
            var rows = jdbc.sql("select number from licensing.licence where application = :id")
                    .param("id", app.id().toString())
                    .query(String.class)
                    .list();
            assertThat(rows).as("licences of application %s", app.id()).hasSize(1);
            var number = rows.getFirst();
            assertThat(number)
                    .startsWith(
                            "合字B1-" + LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());
            numbers.add(Integer.parseInt(number.substring(number.length() - 4)));
            // Both nodes read the same licence.
            assertThat(a.licences().byNumber(number)).isEqualTo(b.licences().byNumber(number));
        }
        assertThat(numbers)
                .as("one number each, none skipped")
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(before + 1, before + count)
                        .boxed()
                        .toList());
        assertThat(lastHeZiNumber()).isEqualTo(before + count);
    }

    @Test
    @Order(2)
    void theSameDecisionTakenOnBothNodesAtOnceIssuesOneLicence() throws Exception {
        var app = recommended(a, b);
        var barrier = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        var outcomes = new ArrayList<Object>();
        try {
            var futures = new ArrayList<Future<Object>>();
            for (var node : List.of(a, b)) {
                Callable<Object> decide = () -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    try {
                        return node.applications()
                                .decide(node.actor("approver"), app.id(), app.version(), Verdict.APPROVE, "Met");
                    } catch (ActionRefused refused) {
                        return refused;
                    }
                };
                futures.add(pool.submit(decide));
            }
            for (var future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(outcomes).filteredOn(LicenceApplication.class::isInstance).hasSize(1);
        assertThat(outcomes)
                .filteredOn(ActionRefused.class::isInstance)
                .singleElement()
                .satisfies(r -> assertThat(((ActionRefused) r).kind()).isEqualTo(ActionRefused.Kind.CONFLICT));
        assertThat(jdbc.sql("select count(*) from licensing.licence where application = :id")
                        .param("id", app.id().toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    @Order(3)
    void aSessionSignedInOnOneNodeIsUsedOnTheOther() throws Exception {
        var browser = new FormClient(a.port());
        assertThat(browser.signIn("applicant.a", DemoLogins.PASSWORD).statusCode())
                .isEqualTo(302);
        var session = browser.cookie("SESSION");
        assertThat(session).isNotBlank();

        var onB = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + b.port() + "/applications"))
                                .header("Cookie", "SESSION=" + session)
                                .header("Accept-Language", "en")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(onB.statusCode()).isEqualTo(200);
        assertThat(onB.body()).contains("Wang Fang");
        var anonymous = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + b.port() + "/applications"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("without the session").isEqualTo(302);
    }

    @Test
    @Order(4)
    void aDailyJobTriggeredOnBothNodesAtOnceRunsOnce() throws Exception {
        var yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        var lapsing = a.licences()
                .record(
                        List.of(new ExistingLicence(
                                LicenceKind.LICENCE,
                                "B2-20219901",
                                "甲公司",
                                null,
                                null,
                                "张三",
                                new BigDecimal("10000000.00"),
                                "MIIT",
                                false,
                                false,
                                null,
                                List.of(new LicensedService("B21", null, List.of("CN"))),
                                LocalDate.of(2021, 5, 10),
                                LocalDate.of(2021, 5, 10),
                                yesterday,
                                LicenceStatus.NORMAL,
                                List.of(),
                                null,
                                false,
                                null)),
                        "system")
                .getFirst();

        var barrier = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var runs = new ArrayList<Future<?>>();
            for (var node : List.of(a, b)) {
                var jobs = node.licensingJobs();
                runs.add(pool.submit(() -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    // As the scheduler calls it: through the bean's proxy, which takes the job's lock first.
                    ReflectionTestUtils.invokeMethod(jobs, "daily");
                    return null;
                }));
            }
            for (var run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(a.licences().find(lapsing.id()).orElseThrow().status()).isEqualTo(LicenceStatus.EXPIRED);
        assertThat(b.licences().history(lapsing.id()))
                .extracting(c -> c.change())
                .containsExactly(LicenceChange.RECORDED, LicenceChange.LAPSED);
        assertThat(jdbc.sql("select locked_by from cluster.scheduler_lock where name = 'licensing-daily'")
                        .query(String.class)
                        .single())
                .isNotBlank();
    }

    @Test
    @Order(5)
    void aJobWhoseLockIsHeldOnOneNodeDoesNotRunOnTheOther() throws Exception {
        // A later day's run would lapse this licence, but node A holds the job's lock as if it were running it.
        jdbc.sql("update licensing.job_run set last_day = last_day - 1").update();
        // The previous test's run holds the lock for at least a minute: end it, so that A takes it afresh here.
        jdbc.sql("update cluster.scheduler_lock set lock_until = locked_at").update();
        var held = a.context()
                .getBean(LockProvider.class)
                .lock(new LockConfiguration(
                        java.time.Instant.now(), "licensing-daily", Duration.ofMinutes(5), Duration.ZERO));
        assertThat(held).as("A holds the job's lock").isPresent();
        var before = runs();
        try {
            ReflectionTestUtils.invokeMethod(b.licensingJobs(), "daily");
            assertThat(runs()).as("no job ran on B").isEqualTo(before);
        } finally {
            held.orElseThrow().unlock();
        }
    }

    @Test
    @Order(6)
    void theAuditChainBothNodesAppendedToVerifiesAndEveryEventReachedTheRegister() {
        assertThat(a.audit().awaitChained(Duration.ofSeconds(20))).isTrue();
        assertThat(b.audit().awaitChained(Duration.ofSeconds(20))).isTrue();
        for (var node : List.of(a, b)) {
            assertThat(node.audit().verify())
                    .as("verified on node %s", node.name())
                    .isInstanceOfSatisfying(Verification.Intact.class, intact -> {
                        assertThat(intact.pending()).isZero();
                        assertThat(intact.count()).isPositive();
                    });
        }
        var issued = jdbc.sql("select count(*) from licensing.licence_version where change = 'ISSUED'")
                .query(Long.class)
                .single();
        assertThat(issued).isEqualTo(13);
        assertThat(jdbc.sql("select count(*) from audit.audit_record where action = 'ISSUED'")
                        .query(Long.class)
                        .single())
                .as("one audit record per issued licence")
                .isEqualTo(issued);
        assertThat(jdbc.sql("select count(*) from register.licence")
                        .query(Long.class)
                        .single())
                .as("the register's read model, built from the licensing events, has every licence")
                .isEqualTo(jdbc.sql("select count(*) from licensing.licence")
                        .query(Long.class)
                        .single());
    }

    /** When each daily job last ran, and where. */
    static List<String> runs() {
        return jdbc.sql(
                        "select job || ' ' || cast(run_at as varchar) || ' ' || run_by from licensing.job_run order by job")
                .query(String.class)
                .list();
    }
}
