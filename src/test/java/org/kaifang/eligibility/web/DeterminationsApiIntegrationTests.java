package org.kaifang.eligibility.web;

import org.springframework.boot.test.context.SpringBootTest;

/** The determination contract over HTTP on the embedded default database, H2. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:it;DB_CLOSE_DELAY=-1")
class DeterminationsApiIntegrationTests extends DeterminationsApiContract {}
