package org.kaifang.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kaifang.testing.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With {@code kaifang.demo=true} the server creates the demo users as it starts. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {DemoLogins.DATABASE, DemoLogins.DEMO, DemoLogins.FIXED_PASSWORD})
class DemoAccountsIntegrationTests {

    @Autowired
    Accounts accounts;

    @Autowired
    DemoAccounts demo;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoUsersExistOnceTheServerHasStartedAndStartingAgainAddsNone() {
        assertThat(DemoAccounts.USERS)
                .allSatisfy(u -> assertThat(accounts.user(new Username(u.username())))
                        .as(u.username())
                        .isPresent());
        // Other tests sharing this context add users of their own, so the counts are compared, not fixed.
        var users = count("accounts.user_account");
        var organisations = count("accounts.organisation");

        demo.create();

        assertThat(count("accounts.user_account")).isEqualTo(users);
        assertThat(count("accounts.organisation")).isEqualTo(organisations);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
