package org.kaifang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: offline commands, their output and their exit codes. */
class KaifangCliTests {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    static synchronized Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var oldOut = System.out;
        var oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            var exit = KaifangCli.run(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void checksARequestAndExplainsItInEitherLanguage() throws IOException {
        var file = dir.resolve("request.yaml");
        Files.writeString(file, """
                asOf: "2025-03-01"
                applicant: {name: "Example Cloud (Shanghai) Co., Ltd.", seat: "310115", registeredCapitalCny: 10000000}
                foreignEquityPercent: 100
                services:
                  - {code: B11, item: IRCS, coverage: ["CN"], facilities: ["310115"]}
                """);

        var english = run("check", file.toString());
        assertThat(english.exit()).isZero();
        assertThat(english.out())
                .contains("Overall: PERMITTED")
                .contains("B11/IRCS — PERMITTED")
                .contains("pilot.vas-opening");

        var chinese = run("check", file.toString(), "--lang", "zh");
        assertThat(chinese.out()).contains("总体结论：允许");

        var json = run("check", file.toString(), "--json");
        assertThat(json.out()).contains("\"overall\" : \"PERMITTED\"").contains("\"rulePack\"");
    }

    @Test
    void listsEveryProblemOfAnInvalidRequestAndExitsWithTwo() throws IOException {
        var file = dir.resolve("bad.json");
        Files.writeString(
                file,
                "{\"asOf\":\"2025-03-01\",\"applicant\":{\"name\":\"X\",\"seat\":\"999999\"},"
                        + "\"foreignEquityPercent\":101,\"services\":[]}");

        var result = run("check", file.toString());

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err())
                .contains("3 problem(s)")
                .contains("/applicant/seat")
                .contains("/foreignEquityPercent")
                .contains("/services");
    }

    @Test
    void refusesMissingFilesAndBadOptionsWithTwo() {
        assertThat(run("check", dir.resolve("none.json").toString()).exit()).isEqualTo(2);
        assertThat(run("check", "x.json", "--lang", "fr").exit()).isEqualTo(2);
        assertThat(run("check").exit()).isEqualTo(2);
        assertThat(run("rules", "show", "--as-of", "yesterday").exit()).isEqualTo(2);
        assertThat(run("rules", "show", "--as-of", "2025-03-01", "--area", "CN-NOWHERE")
                        .exit())
                .isEqualTo(2);
        assertThat(run("serve", "--port", "0").exit()).isEqualTo(2);
    }

    @Test
    void validatesAndTestsTheBundledPack() {
        var validate = run("rules", "validate", "rules/telecom-vas");
        assertThat(validate.exit()).isZero();
        assertThat(validate.out()).contains("OK  telecom-vas").contains("sha256:");

        var test = run("rules", "test", "rules/telecom-vas");
        assertThat(test.exit()).isZero();
        assertThat(test.out()).containsPattern("\\d+ examples, \\d+ passed, 0 failed");
    }

    @Test
    void reportsADefectivePackWithOne(@TempDir Path pack) throws IOException {
        for (var file : new String[] {
            "pack.yaml",
            "instruments.yaml",
            "catalogue.yaml",
            "divisions.yaml",
            "areas.yaml",
            "parameters.yaml",
            "messages.yaml",
            "CHANGELOG.md"
        }) {
            Files.copy(Path.of("rules/telecom-vas", file), pack.resolve(file));
        }
        Files.writeString(
                pack.resolve("pack.yaml"),
                Files.readString(pack.resolve("pack.yaml")).replace("1.0.0", "1.0"));

        var result = run("rules", "validate", pack.toString());

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.err()).contains("pack.yaml /version").contains("semantic version");
    }

    @Test
    void showsWhatIsOpenWhere() {
        var result = run("rules", "show", "--as-of", "2025-03-01", "--area", "CN-PILOT-SH");

        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .contains("CN-PILOT-SH")
                .contains("B11 Internet resource collaboration service (cloud)");
        assertThat(result.out()
                        .lines()
                        .filter(l -> l.startsWith("B13"))
                        .findFirst()
                        .orElseThrow())
                .doesNotContain("100%");
    }

    @Test
    void analysesAStructureFromCsvFiles() throws IOException {
        var parties = dir.resolve("parties.csv");
        var holdings = dir.resolve("holdings.csv");
        Files.writeString(parties, """
                id,name,kind,jurisdiction
                applicant,"Example Cloud (Shanghai) Co., Ltd.",COMPANY,CN
                parent,Example AG,COMPANY,DE
                holding,"Example (Shanghai) Holding Co., Ltd.",COMPANY,CN
                partner,张三,PERSON,CN
                """);
        Files.writeString(holdings, """
                owner,owned,equityPercent
                parent,holding,100
                holding,applicant,60
                partner,applicant,40
                """);

        var result = run("ownership", "analyse", parties.toString(), holdings.toString(), "--as-of", "2025-03-01");

        assertThat(result.exit()).isZero();
        assertThat(result.out())
                .contains("Look-through foreign equity: 60.0%")
                .contains("Example AG (DE) → 100% Example (Shanghai) Holding Co., Ltd. (CN) → 60%");

        Files.writeString(holdings, "owner,owned,equityPercent\nparent,holding,lots\n");
        var bad = run("ownership", "analyse", parties.toString(), holdings.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("holdings.csv line 2");
    }
}
