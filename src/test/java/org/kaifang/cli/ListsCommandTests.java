package org.kaifang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kaifang lists import|show} against an embedded database in a temporary directory. */
class ListsCommandTests {

    @TempDir
    Path dir;

    Path fixture(String name) throws IOException {
        var target = dir.resolve(name);
        try (var in = getClass().getResourceAsStream("/screening/imports/" + name)) {
            Files.write(target, in.readAllBytes());
        }
        return target;
    }

    @Test
    void importsAFileShowsItsVersionAndListsTheVersions() throws IOException {
        var data = dir.resolve("data").toString();
        var csv = fixture("synthetic-cn.csv").toString();

        var run = KaifangCliTests.run("lists", "import", csv, "--format", "opensanctions-csv", "--data", data);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .containsPattern("Imported opensanctions-cn \\d{4}\\.\\d{2}\\.\\d{2}-1 \\(sha256:[0-9a-f]{64}\\)")
                .contains("3 entries", "0 warnings", "from synthetic-cn.csv");

        var again = KaifangCliTests.run("lists", "import", csv, "--format", "opensanctions-csv", "--data", data);
        assertThat(again.exit()).isZero();
        assertThat(again.out()).startsWith("Already imported, as opensanctions-cn");

        var ftm = KaifangCliTests.run(
                "lists",
                "import",
                fixture("synthetic.ftm.json").toString(),
                "--format",
                "ftm",
                "--list-id",
                "cn-ftm",
                "--data",
                data);
        assertThat(ftm.exit()).as(ftm.err()).isZero();

        var show = KaifangCliTests.run("lists", "show", "--data", data);
        assertThat(show.exit()).isZero();
        assertThat(show.out()).contains("* cn-ftm", "* opensanctions-cn", "opensanctions-csv", "sha256:");
    }

    @Test
    void aBadFileListsEveryProblemAndExitsWithTwo() throws IOException {
        var run = KaifangCliTests.run(
                "lists",
                "import",
                fixture("synthetic-bad.csv").toString(),
                "--format",
                "opensanctions-csv",
                "--data",
                dir.resolve("data").toString());

        assertThat(run.exit()).isEqualTo(KaifangCli.INVALID_INPUT);
        assertThat(run.err())
                .contains("3 problem(s)")
                .contains("row 3, field 'Type'", "row 4, field 'Date'", "row 5, field 'Name'");
        assertThat(KaifangCliTests.run(
                                "lists", "show", "--data", dir.resolve("data").toString())
                        .out())
                .contains("No imported lists");
    }

    @Test
    void badOptionsExitWithTwoBeforeTouchingTheDatabase() throws IOException {
        var csv = fixture("synthetic-cn.csv").toString();

        assertThat(KaifangCliTests.run("lists", "import", csv, "--format", "xlsx")
                        .exit())
                .isEqualTo(KaifangCli.INVALID_INPUT);
        assertThat(KaifangCliTests.run("lists", "import", csv).exit()).isEqualTo(KaifangCli.INVALID_INPUT);
        var missing =
                KaifangCliTests.run("lists", "import", dir.resolve("none.csv").toString(), "--format", "ftm");
        assertThat(missing.exit()).isEqualTo(KaifangCli.INVALID_INPUT);
        assertThat(missing.err()).contains("No such file");
    }

    @Test
    void recognisesALockedEmbeddedDatabase() {
        var locked = new IllegalStateException(
                "Failed to start", new SQLException("Database may be already in use: null", "90020", 90020));

        assertThat(ListsCommand.locked(locked)).isTrue();
        assertThat(ListsCommand.locked(new IllegalStateException(new SQLException("other", "08001", 0))))
                .isFalse();
    }
}
