package org.kaifang.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kaifang.testing.Databases;
import org.kaifang.testing.DemoLogins;
import org.kaifang.testing.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A trail tampered with while the server was stopped: the server starts, finds the break at once, and every
 * administrator sees a warning on every page; nobody else does.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {DemoLogins.DEMO, DemoLogins.FIXED_PASSWORD})
class ChainCheckAtStartupIntegrationTests {

    @DynamicPropertySource
    static void tamperedTrail(DynamicPropertyRegistry registry) {
        var database = Databases.h2();
        var jdbc = JdbcClient.create(database.dataSource());
        var trail = new AuditTrail(jdbc);
        for (int i = 1; i <= 3; i++) {
            trail.append(AuditFixtures.entry(i));
        }
        // Someone with database access softens record 2 while the server is down.
        jdbc.sql("update audit.audit_record set after_summary = '{\"status\":\"WITHDRAWN\"}' where seq = 2")
                .update();
        database.serve(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    ChainCheckAtStartup check;

    @Test
    void theBreakIsFoundAtStartUpAndShownToAdministratorsOnEveryPage() {
        assertThat(check.result()).isInstanceOfSatisfying(Verification.Broken.class, broken -> {
            assertThat(broken.sequence()).isEqualTo(2);
            assertThat(broken.problem()).isEqualTo(Verification.Problem.ALTERED);
        });

        var admin = new FormClient(port);
        admin.signIn("admin", DemoLogins.PASSWORD);
        for (var path : new String[] {"/", "/check", "/admin/audit"}) {
            assertThat(admin.get(path).body())
                    .as(path)
                    .contains("id=\"admin-warnings\"")
                    .contains("the chain breaks at record 2, after 1 intact records")
                    .contains("The record was changed after it was written");
        }
        assertThat(admin.get("/?lang=zh").body()).contains("哈希链在第 2 条记录处断开");

        var officer = new FormClient(port);
        officer.signIn("officer", DemoLogins.PASSWORD);
        assertThat(officer.get("/").body()).doesNotContain("admin-warnings");
        assertThat(new FormClient(port).get("/").body()).doesNotContain("admin-warnings");
    }
}
