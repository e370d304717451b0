package org.kaifang.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Without {@code --demo} the server creates no organisation and no user, and so no one can sign in. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:it;DB_CLOSE_DELAY=-1")
class WithoutDemoIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createsNoAccounts() {
        assertThat(context.getBeansOfType(DemoAccounts.class)).isEmpty();
        assertThat(jdbc.sql("select count(*) from accounts.user_account")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from accounts.organisation")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
