package org.kaifang.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kaifang.accounts.Accounts;
import org.kaifang.accounts.ApiTokens;
import org.kaifang.accounts.CreateApiToken;
import org.kaifang.accounts.Role;
import org.kaifang.accounts.Username;
import org.kaifang.register.LicenceViews;
import org.kaifang.testing.ApiLoad;
import org.kaifang.testing.Databases;
import org.kaifang.testing.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The smoke version of issue 9's load tests, for CI: the benchmark's own load client ({@link ApiLoad}) drives each
 * endpoint for a few seconds from four clients against a server on the embedded PostgreSQL, and every answer must be
 * the expected one. It fails on errors, never on timings (the figures it prints are not measurements: CI's machine is
 * shared). The benchmark is {@code bench/api-load}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {DemoLogins.DEMO, DemoLogins.FIXED_PASSWORD})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiLoadSmokeIntegrationTests {

    private static final int CLIENTS = 4;
    private static final int WARMUP_SECONDS = 1;
    private static final int SECONDS = 3;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Databases.embeddedPostgres().serve(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    ApiLoad load;

    @BeforeAll
    void serverWithLicencesAndAnApplicantToken() {
        // A few licences in the register, published as the licensing module publishes them, so searches find some.
        transaction.executeWithoutResult(s -> {
            events.publishEvent(LicenceViews.issued(LicenceViews.licence(
                    "LOAD-1", "合字B2-20250001", "上海示例网络科技有限公司", "Example Network Technology Co., Ltd.", null)));
            events.publishEvent(LicenceViews.issued(LicenceViews.pilot(
                    LicenceViews.licence("LOAD-2", "合字B1-20250002", "海南示例数据科技有限公司", null, null), "HAINAN_FTP")));
        });
        var applicant = accounts.user(new Username("applicant.a")).orElseThrow();
        var secret = tokens.issue(applicant.id(), new CreateApiToken("load smoke", Set.of(Role.APPLICANT), 1))
                .secret();
        load = new ApiLoad("http://127.0.0.1:" + port, "Bearer " + secret, "Lingang Cloud Data Co., Ltd.");
    }

    @ParameterizedTest
    @EnumSource(ApiLoad.Endpoint.class)
    void answersEveryRequestAsExpectedUnderConcurrentLoad(ApiLoad.Endpoint endpoint) throws Exception {
        var result = load.run(endpoint, CLIENTS, WARMUP_SECONDS, SECONDS);
        System.out.println("[load smoke] " + ApiLoad.describe(endpoint, CLIENTS, result));

        assertThat(result.errors())
                .as("errors; the first: %s", result.firstError())
                .isZero();
        assertThat(result.ok()).isPositive();
    }
}
