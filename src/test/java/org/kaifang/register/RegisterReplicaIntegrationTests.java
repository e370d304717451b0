package org.kaifang.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.kaifang.testing.Databases;
import org.kaifang.testing.Http;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code kaifang.register.replica.url} set: the application reads the public register from that database (a
 * PostgreSQL database standing for a streaming replica, holding a licence the primary does not) and keeps writing to
 * the primary.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegisterReplicaIntegrationTests {

    static final Databases.Database PRIMARY = Databases.embeddedPostgres();
    static final Databases.Database REPLICA = Databases.embeddedPostgres();

    static {
        // What replication would have brought: the primary's search function and indexes, and one licence.
        RegisterIndexes.ensure(REPLICA.dataSource());
        new Register(REPLICA.dataSource())
                .apply(LicenceViews.issued(LicenceViews.licence(
                        "REPL-1", "合字B2-20250777", "复制演示数据有限公司", "Replica Demo Data Co., Ltd.", null)));
    }

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        PRIMARY.serve(registry);
        registry.add("kaifang.register.replica.url", REPLICA::url);
    }

    @LocalServerPort
    int port;

    @Autowired
    RegisterReads reads;

    @Test
    void thePublicRegisterIsReadFromTheReplica() {
        assertThat(reads.replica()).isTrue();
        var http = new Http(port);

        var search = http.get("/api/v1/register/licences?q=" + URLEncoder.encode("复制演示", StandardCharsets.UTF_8));
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(Http.json(search).get("total").asLong()).isEqualTo(1);
        assertThat(http.get("/api/v1/register/licences/REPL-1").statusCode()).isEqualTo(200);
        assertThat(http.get("/register/licences/REPL-1").body()).contains("复制演示数据有限公司");

        assertThat(JdbcClient.create(PRIMARY.dataSource())
                        .sql("select count(*) from register.licence")
                        .query(Long.class)
                        .single())
                .as("the primary never had it")
                .isZero();
    }
}
