package org.kaifang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kaifang.audit.AuditActor;
import org.kaifang.audit.AuditEntry;
import org.kaifang.audit.AuditTrail;
import org.kaifang.audit.Subject;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@code kaifang audit verify} on an embedded database of its own: OK with the head hash, or the broken record. */
class AuditCommandTests {

    @TempDir
    Path data;

    @Test
    void anEmptyTrailIsIntact() {
        var run = KaifangCliTests.run("audit", "verify", "--data", data.toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("OK: 0 records, head " + "0".repeat(64) + "\n");
    }

    @Test
    void printsTheCountAndHeadHashThenNamesTheRecordEditedInTheDatabase() {
        String head;
        try (var context = AuditContext.open(data)) {
            var trail = context.getBean(AuditTrail.class);
            for (int i = 1; i <= 3; i++) {
                trail.append(new AuditEntry(
                        Instant.parse("2025-06-02T02:00:00Z").plusSeconds(i),
                        new AuditActor("u-1", "officer", "org-miit"),
                        "applications",
                        "accept",
                        new Subject("application", "a-" + i),
                        "{\"status\":\"SUBMITTED\"}",
                        "{\"status\":\"ACCEPTED\"}"));
            }
            head = trail.head().hash();
        }

        var intact = KaifangCliTests.run("audit", "verify", "--data", data.toString());
        assertThat(intact.exit()).as(intact.err()).isZero();
        assertThat(intact.out()).isEqualTo("OK: 3 records, head " + head + "\n");

        JdbcClient.create(new DriverManagerDataSource("jdbc:h2:file:" + data.toAbsolutePath() + "/kaifang", "sa", ""))
                .sql("update audit.audit_record set actor_name = 'approver' where seq = 2")
                .update();

        var tampered = KaifangCliTests.run("audit", "verify", "--data", data.toString());
        assertThat(tampered.exit()).isEqualTo(1);
        assertThat(tampered.out())
                .startsWith("TAMPERED: record 2 (ALTERED) after 1 intact records\n")
                .contains("Record 2 was changed after it was written");
    }

    @Test
    void aDatabaseThatCannotBeOpenedExitsWith3() throws Exception {
        var file = java.nio.file.Files.writeString(data.resolve("not-a-directory"), "x");

        var run = KaifangCliTests.run("audit", "verify", "--data", file.toString());

        assertThat(run.exit()).isEqualTo(3);
        assertThat(run.err()).contains("Cannot open the database: ");
    }
}
