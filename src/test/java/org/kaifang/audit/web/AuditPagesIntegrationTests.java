package org.kaifang.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaifang.testing.FormClient.location;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kaifang.audit.AuditTrail;
import org.kaifang.testing.DemoLogins;
import org.kaifang.testing.FormClient;
import org.kaifang.testing.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who may read the audit trail: administrators only; anyone else signed in gets 403, nobody signed in must sign in. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {DemoLogins.DATABASE, DemoLogins.DEMO, DemoLogins.FIXED_PASSWORD})
class AuditPagesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail trail;

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
    void apiCallsAreNoSignInsButFailedApiAuthenticationsAreRecorded() {
        var http = new Http(port);
        assertThat(trail.awaitChained(Duration.ofSeconds(10))).isTrue();
        var before = trail.count("registrar");

        assertThat(http.get("/api/v1/applications", "Authorization", basic("registrar", DemoLogins.PASSWORD))
                        .statusCode())
                .isEqualTo(200);
        assertThat(trail.pending()).isZero();
        assertThat(trail.count("registrar")).isEqualTo(before);

        assertThat(http.get("/api/v1/applications", "Authorization", basic("registrar", "a wrong password!"))
                        .statusCode())
                .isEqualTo(401);
        assertThat(trail.awaitChained(Duration.ofSeconds(10))).isTrue();
        var records = trail.recent("registrar", 0);
        assertThat(records).hasSize((int) before + 1);
        assertThat(records.getFirst().action()).isEqualTo("SIGN_IN_FAILED");
    }

    private static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nobodySignedInIsSentToSignIn() {
        var response = new FormClient(port).get("/admin/audit");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(location(response)).endsWith("/login");
    }
}
