package org.kaifang.audit;

import org.kaifang.testing.Databases;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same real transitions, tampering and concurrent writers as {@link AuditTrailIntegrationTests}, on PostgreSQL. */
@Import(AuditTrailIntegrationTests.FixedClock.class)
class AuditTrailPostgresIntegrationTests extends AuditTrailIntegrationTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        Databases.embeddedPostgres().serve(registry);
    }
}
