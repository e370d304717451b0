package org.kaifang.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaifang.testing.FormClient.location;

import java.util.Map;
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

/** Demo logins, signing in and out, and the session kept in the database, on a real PostgreSQL. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {DemoLogins.DEMO, DemoLogins.FIXED_PASSWORD})
class SignInPostgresIntegrationTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Databases.embeddedPostgres().serve(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDemoUserSignsInAndOutWithTheSessionInPostgres() {
        var browser = new FormClient(port);

        assertThat(location(browser.signIn("applicant.b", "wrong password, surely")))
                .endsWith("/login?error");
        assertThat(location(browser.signIn("applicant.b", DemoLogins.PASSWORD))).endsWith(":" + port + "/");

        assertThat(browser.get("/").body()).contains("李明 Li Ming", "Pudong Netlink Technology Co., Ltd. (demo)");
        assertThat(sessionsOf("applicant.b")).isEqualTo(1);

        browser.post("/logout", Map.of("_csrf", browser.csrfToken("/")));

        assertThat(sessionsOf("applicant.b")).isZero();
        assertThat(browser.get("/").body()).contains("id=\"sign-in\"");
    }

    private long sessionsOf(String username) {
        return jdbc.sql("select count(*) from accounts.web_session where principal_name = :username")
                .param("username", username)
                .query(Long.class)
                .single();
    }
}
