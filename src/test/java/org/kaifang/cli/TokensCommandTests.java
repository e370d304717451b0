package org.kaifang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@code kaifang tokens create|list|revoke} on an embedded database of their own. */
class TokensCommandTests {

    private static final Pattern ID = Pattern.compile("\\(([0-9a-f-]{36})\\)");

    @TempDir
    Path data;

    @BeforeEach
    void aRegulatorUserWithTwoRoles() {
        KaifangCliTests.run(
                "organisations", "add", "--name", "上海市通信管理局", "--kind", "REGULATOR", "--data", data.toString());
        var original = System.in;
        System.setIn(new ByteArrayInputStream("a long enough password\n".getBytes(StandardCharsets.UTF_8)));
        try {
            var added = KaifangCliTests.run(
                    "users",
                    "add",
                    "--org",
                    "上海市通信管理局",
                    "--username",
                    "zhang.wei",
                    "--name",
                    "张伟",
                    "--role",
                    "case-officer,approver",
                    "--password-stdin",
                    "--data",
                    data.toString());
            assertThat(added.exit()).as(added.err()).isZero();
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void issuesListsAndRevokesATokenWhoseSecretIsPrintedOnceAndStoredAsAHash() {
        var created = KaifangCliTests.run(
                "tokens",
                "create",
                "--username",
                "zhang.wei",
                "--name",
                "case system",
                "--role",
                "CASE_OFFICER",
                "--days",
                "30",
                "--data",
                data.toString());

        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).contains("Issued token 'case system'").contains("with CASE_OFFICER, expires");
        var secret = created.out().lines().toList().getLast();
        assertThat(secret).matches("kf_[A-Za-z0-9_-]{43}");
        var matcher = ID.matcher(created.out());
        assertThat(matcher.find()).isTrue();
        var id = matcher.group(1);

        var listed = KaifangCliTests.run("tokens", "list", "--username", "zhang.wei", "--data", data.toString());
        assertThat(listed.out())
                .containsPattern(id + " +case system +CASE_OFFICER +ACTIVE +expires .* last used never")
                .doesNotContain(secret);

        var revoked = KaifangCliTests.run(
                "tokens", "revoke", "--username", "zhang.wei", "--id", id, "--data", data.toString());
        assertThat(revoked.exit()).as(revoked.err()).isZero();
        assertThat(revoked.out()).isEqualTo("Revoked token 'case system' (" + id + ") of zhang.wei\n");
        assertThat(KaifangCliTests.run("tokens", "list", "--username", "zhang.wei", "--data", data.toString())
                        .out())
                .containsPattern(id + " .* REVOKED ");

        var stored = JdbcClient.create(
                        new DriverManagerDataSource("jdbc:h2:file:" + data.toAbsolutePath() + "/kaifang", "sa", ""))
                .sql("select secret_sha256 from accounts.api_token")
                .query(String.class)
                .single();
        assertThat(stored).hasSize(64).doesNotContain(secret.substring(3));
    }

    @Test
    void refusesInvalidInputWithEveryProblemAndExitCode2() {
        var wrong = KaifangCliTests.run(
                "tokens",
                "create",
                "--username",
                "zhang.wei",
                "--name",
                " ",
                "--role",
                "ADMIN,APPROVER",
                "--days",
                "400",
                "--data",
                data.toString());

        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err())
                .contains("Token name must not be blank")
                .contains("Role ADMIN is not one of the user's roles [CASE_OFFICER, APPROVER]")
                .contains("A token is valid for 1 to 366 days, not 400");

        var nobody = KaifangCliTests.run(
                "tokens",
                "create",
                "--username",
                "nobody",
                "--name",
                "x",
                "--role",
                "ADMIN",
                "--data",
                data.toString());
        assertThat(nobody.exit()).isEqualTo(2);
        assertThat(nobody.err()).contains("No user has the username 'nobody'");

        var badId = KaifangCliTests.run("tokens", "revoke", "--username", "x", "--id", "42", "--data", data.toString());
        assertThat(badId.exit()).isEqualTo(2);
        assertThat(badId.err())
                .contains("'42' is no token id (a UUID)")
                .contains("Username 'x' must have 3 to 64 characters, not 1");

        var otherUsers = KaifangCliTests.run(
                "tokens",
                "revoke",
                "--username",
                "zhang.wei",
                "--id",
                "00000000-0000-0000-0000-000000000000",
                "--data",
                data.toString());
        assertThat(otherUsers.exit()).isEqualTo(2);
        assertThat(otherUsers.err()).contains("No token of yours has the id 00000000-0000-0000-0000-000000000000");
    }
}
