package org.kaifang.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaifang.testing.FormClient.location;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kaifang.testing.DemoLogins;
import org.kaifang.testing.FormClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who may read the audit trail: administrators only; anyone else signed in gets 403, nobody signed in must sign in. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {DemoLogins.DATABASE, DemoLogins.DEMO, DemoLogins.FIXED_PASSWORD})
class AuditPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void theAdministratorReadsIt() {
        var client = new FormClient(port);
        client.signIn("admin", DemoLogins.PASSWORD);

        var page = client.get("/admin/audit?page=oops&subject=admin");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"verification\" data-intact=\"true\"", "SIGNED_IN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"applicant.a", "officer", "approver", "registrar"})
    void everyoneElseIsRefused(String username) {
        var client = new FormClient(port);
        client.signIn(username, DemoLogins.PASSWORD);

        assertThat(client.get("/admin/audit").statusCode()).isEqualTo(403);
        assertThat(client.get("/admin/audit?subject=admin").statusCode()).isEqualTo(403);
    }

    @Test
    void nobodySignedInIsSentToSignIn() {
        var response = new FormClient(port).get("/admin/audit");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).endsWith("/login");
    }
}
