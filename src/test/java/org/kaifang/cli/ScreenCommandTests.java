package org.kaifang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kaifang screen}: names and files, text and JSON, exit codes. */
class ScreenCommandTests {

    @TempDir
    Path dir;

    @Test
    void aListedNameIsAFindingWithItsListing() {
        var run = KaifangCliTests.run("screen", "Lockheed Martin Corp", "--as-of", "2025-06-01");

        assertThat(run.exit()).isEqualTo(ScreenCommand.FINDINGS);
        assertThat(run.out()).contains("MATCH", "Lockheed Martin Corporation", "UEL 2023-02-16 ACTIVE");
    }

    @Test
    void anUnlistedNameIsClearAndSaysSoInChinese() {
        var run = KaifangCliTests.run(
                "screen", "Example Cloud (Shanghai) Co., Ltd.", "--as-of", "2025-06-01", "--lang", "zh");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("名单 kaifang-cn", "CLEAR");
    }

    @Test
    void screensAFileAsJson() throws IOException {
        var file = dir.resolve("parties.csv");
        Files.writeString(file, "name,kind,jurisdiction\n洛克希德·马丁公司,COMPANY,US\nWang Ting-yu,PERSON,TW\n");

        var run = KaifangCliTests.run("screen", "--file", file.toString(), "--as-of", "2025-06-01", "--json");

        assertThat(run.exit()).isEqualTo(ScreenCommand.FINDINGS);
        assertThat(run.out()).contains("\"outcome\" : \"MATCH\"", "\"outcome\" : \"CLEAR\"", "\"list\" : \"UEL\"");
    }

    @Test
    void badInputNamesTheRowAndExitsWithTwo() throws IOException {
        var file = dir.resolve("parties.csv");
        Files.writeString(file, "name,kind\nAcme,VESSEL\n");

        var run = KaifangCliTests.run("screen", "--file", file.toString());

        assertThat(run.exit()).isEqualTo(KaifangCli.INVALID_INPUT);
        assertThat(run.err()).contains("row 2/kind");
        assertThat(KaifangCliTests.run("screen").exit()).isEqualTo(KaifangCli.INVALID_INPUT);
        assertThat(KaifangCliTests.run("screen", "x", "--as-of", "June").exit()).isEqualTo(KaifangCli.INVALID_INPUT);
    }
}
