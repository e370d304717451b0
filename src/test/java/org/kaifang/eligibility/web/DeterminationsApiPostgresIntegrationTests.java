package org.kaifang.eligibility.web;

import org.kaifang.testing.Databases;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The determination contract over HTTP on a real PostgreSQL started by the test run. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeterminationsApiPostgresIntegrationTests extends DeterminationsApiContract {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Databases.embeddedPostgres().serve(registry);
    }
}
