package org.kaifang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** {@code kaifang organisations add} and {@code kaifang users add|list} on an embedded database of their own. */
class UsersCommandTests {

    @TempDir
    Path data;

    @Test
    void registersAnOrganisationAndAddsItsFirstAdministrator() {
        var registered = KaifangCliTests.run(
                "organisations",
                "add",
                "--name",
                "上海市通信管理局",
                "--english-name",
                "Shanghai Communications Administration",
                "--kind",
                "REGULATOR",
                "--data",
                data.toString());
        assertThat(registered.exit()).as(registered.err()).isZero();
        assertThat(registered.out()).startsWith("Registered REGULATOR 上海市通信管理局 (");

        var added = withStdin(
                "a long enough password\n",
                () -> KaifangCliTests.run(
                        "users",
                        "add",
                        "--org",
                        "上海市通信管理局",
                        "--username",
                        "Zhang.Wei",
                        "--name",
                        "张伟 Zhang Wei",
                        "--role",
                        "admin,case-officer",
                        "--password-stdin",
                        "--data",
                        data.toString()));
        assertThat(added.exit()).as(added.err()).isZero();
        assertThat(added.out()).isEqualTo("Added zhang.wei (张伟 Zhang Wei) to 上海市通信管理局 with CASE_OFFICER, ADMIN\n");

        var listed = KaifangCliTests.run("users", "list", "--data", data.toString());
        assertThat(listed.out())
                .contains("REGULATOR  上海市通信管理局")
                .containsPattern("zhang\\.wei +张伟 Zhang Wei +CASE_OFFICER,ADMIN");

        var hash = JdbcClient.create(
                        new DriverManagerDataSource("jdbc:h2:file:" + data.toAbsolutePath() + "/kaifang", "sa", ""))
                .sql("select password_hash from accounts.user_account where username = 'zhang.wei'")
                .query(String.class)
                .single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("a long enough password");
    }

    @Test
    void refusesInvalidInputWithEveryProblemAndExitCode2() {
        KaifangCliTests.run(
                "organisations", "add", "--name", "临港云数据有限公司", "--kind", "COMPANY", "--data", data.toString());

        var wrong = withStdin(
                "short\n",
                () -> KaifangCliTests.run(
                        "users",
                        "add",
                        "--org",
                        "临港云数据有限公司",
                        "--username",
                        "x",
                        "--name",
                        "X",
                        "--role",
                        "APPROVER",
                        "--password-stdin",
                        "--data",
                        data.toString()));

        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err())
                .contains("Username 'x' must have 3 to 64 characters, not 1")
                .contains("Role APPROVER is for users of a regulator, and 临港云数据有限公司 is a company")
                .contains("Password must have at least 12 characters");

        var unknownRole = KaifangCliTests.run(
                "users",
                "add",
                "--org",
                "临港云数据有限公司",
                "--username",
                "wang.fang",
                "--name",
                "王芳",
                "--role",
                "boss",
                "--password-stdin",
                "--data",
                data.toString());
        assertThat(unknownRole.exit()).isEqualTo(2);
        assertThat(unknownRole.err())
                .contains("Unknown role 'boss': use one of APPLICANT, CASE_OFFICER, APPROVER, REGISTRAR, ADMIN");

        var unknownOrganisation = withStdin(
                "a long enough password\n",
                () -> KaifangCliTests.run(
                        "users",
                        "add",
                        "--org",
                        "Nobody Ltd",
                        "--username",
                        "wang.fang",
                        "--name",
                        "王芳",
                        "--role",
                        "APPLICANT",
                        "--password-stdin",
                        "--data",
                        data.toString()));
        assertThat(unknownOrganisation.exit()).isEqualTo(2);
        assertThat(unknownOrganisation.err())
                .contains("No organisation is named 'Nobody Ltd': register it first with kaifang organisations add");

        var badCode = KaifangCliTests.run(
                "organisations",
                "add",
                "--name",
                "Another Co",
                "--kind",
                "COMPANY",
                "--uscc",
                "91310115MA1K4LXQ27",
                "--data",
                data.toString());
        assertThat(badCode.exit()).isEqualTo(2);
        assertThat(badCode.err()).contains("ends in '7' but its check character is '6'");
    }

    private static KaifangCliTests.Run withStdin(String input, java.util.function.Supplier<KaifangCliTests.Run> run) {
        var original = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return run.get();
        } finally {
            System.setIn(original);
        }
    }
}
