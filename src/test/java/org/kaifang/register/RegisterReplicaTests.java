package org.kaifang.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaifang.register.LicenceViews.issued;
import static org.kaifang.register.LicenceViews.licence;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kaifang.licensing.LicenceId;
import org.kaifang.testing.Databases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * With a replica configured ({@link RegisterReads}), the register writes to the primary and every public read (search,
 * licence, history, bulk data) goes to the replica: on two PostgreSQL databases, one standing for the replica, which
 * gets the change only when "replication" (the same change applied to it) has happened.
 */
class RegisterReplicaTests {

    @Test
    void writesGoToThePrimaryAndReadsToTheReplicaOnceTheChangeHasReachedIt() {
        var primary = Databases.embeddedPostgres();
        var replica = Databases.embeddedPostgres();
        // A streaming replica has whatever the primary has, the search function and indexes included.
        RegisterIndexes.ensure(replica.dataSource());
        var reads =
                new RegisterReads(replica.dataSource(), new DataSourceTransactionManager(replica.dataSource()), true);
        var register = new Register(primary.dataSource(), reads, Register.COUNT_LIMIT);
        var change = issued(licence("R-1", "合字B2-20250145", "上海示例信息技术有限公司", "Example IT", "91310000MA1FL0AB1X"));

        register.apply(change);

        assertThat(count(primary)).as("written to the primary").isEqualTo(1);
        assertThat(count(replica)).isZero();
        assertThat(register.licence(new LicenceId("R-1")))
                .as("not replicated yet")
                .isEmpty();
        assertThat(register.search(query("示例信息")).total()).isZero();
        assertThat(snapshotRows(reads)).isZero();

        new Register(replica.dataSource()).apply(change);

        assertThat(register.licence(new LicenceId("R-1"))).isPresent();
        assertThat(register.licenceNumbered("合字B2-20250145")).isPresent();
        assertThat(register.history(new LicenceId("R-1"))).hasSize(1);
        assertThat(register.search(query("示例信息")).licences())
                .extracting(l -> l.id().value())
                .containsExactly("R-1");
        assertThat(register.search(query("Example")).total()).isEqualTo(1);
        assertThat(snapshotRows(reads)).isEqualTo(1);
    }

    @Test
    void whileTheReplicaGivesNoConnectionTheRegisterIsReadFromThePrimary() throws Exception {
        var primary = Databases.embeddedPostgres();
        var down = new org.springframework.jdbc.datasource.DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:1/kaifang?connectTimeout=1", "kaifang", "");
        var fallback = new RegisterReads.Fallback(down, primary.dataSource());
        var reads = new RegisterReads(fallback, new DataSourceTransactionManager(fallback), true);
        var register = new Register(primary.dataSource(), reads, Register.COUNT_LIMIT);
        register.apply(issued(licence("P-1", "B2-20250146", "北京备用读取有限公司", null, null)));

        assertThat(fallback.fallenBack()).isFalse();
        assertThat(register.search(query("备用读取")).licences())
                .extracting(l -> l.id().value())
                .containsExactly("P-1");
        assertThat(fallback.fallenBack())
                .as("for the next %s", RegisterReads.Fallback.REST)
                .isTrue();
        assertThat(register.licence(new LicenceId("P-1"))).isPresent();
        try (var connection = fallback.getConnection()) {
            assertThat(connection.getMetaData().getURL()).isEqualTo(primary.url());
        }
    }

    private static long count(Databases.Database db) {
        return JdbcClient.create(db.dataSource())
                .sql("select count(*) from register.licence")
                .query(Long.class)
                .single();
    }

    private static long snapshotRows(RegisterReads reads) {
        var bulk = new BulkData(reads, Clock.offset(Clock.systemUTC(), java.time.Duration.ofDays(1)));
        return bulk.write(
                        BulkData.Kind.SNAPSHOT,
                        BulkData.Format.CSV,
                        LocalDate.now(ZoneOffset.ofHours(8)),
                        new ByteArrayOutputStream())
                .rows();
    }

    private static RegisterQuery query(String text) {
        var parameters = new HashMap<String, @Nullable String>(Map.of("q", text));
        return RegisterQuery.parse(parameters);
    }
}
