package org.kaifang.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kaifang.testing.DemoLogins;
import org.kaifang.testing.FormClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An intact trail at start-up: verified, and no warning for administrators. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {DemoLogins.DATABASE, DemoLogins.DEMO, DemoLogins.FIXED_PASSWORD})
class ChainIntactAtStartupIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ChainCheckAtStartup check;

    @Test
    void anIntactTrailIsVerifiedAndWarnsNobody() {
        assertThat(check.result()).isInstanceOf(Verification.Intact.class);
        assertThat(check.current()).isEmpty();

        var admin = new FormClient(port);
        admin.signIn("admin", DemoLogins.PASSWORD);
        assertThat(admin.get("/").body()).contains("赵磊 Zhao Lei").doesNotContain("admin-warnings");
    }
}
