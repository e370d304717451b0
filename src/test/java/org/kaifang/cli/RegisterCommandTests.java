package org.kaifang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** {@code kaifang register export}: every problem with the options at once (exit 2), and files with true manifests. */
class RegisterCommandTests {

    @TempDir
    Path dir;

    @Test
    void badOptionsAreAllListedWithExitTwo() throws IOException {
        var file = Files.writeString(dir.resolve("a-file"), "x");
        var run = KaifangCliTests.run(
                "register",
                "export",
                "--kind",
                "weekly",
                "--format",
                "xml",
                "--date",
                "2025-13-01",
                "--out",
                file.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err())
                .contains("4 problem(s)")
                .contains("--kind: must be one of snapshot, delta, not 'weekly'")
                .contains("--format: must be one of csv, jsonl, not 'xml'")
                .contains("--date: must be a date, YYYY-MM-DD, not '2025-13-01'")
                .contains("--out: " + file + " is a file, not a directory");

        var future = KaifangCliTests.run(
                "register",
                "export",
                "--date",
                "2999-01-01",
                "--out",
                dir.resolve("out").toString(),
                "--data",
                dir.resolve("data").toString());
        assertThat(future.exit()).isEqualTo(2);
        assertThat(future.err()).contains("--date: 2999-01-01 is after today in China");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void writesTheFileAndAManifestWhoseRowsAndDigestAreTheFilesAndLeavesNoPartialFile() throws Exception {
        var out = dir.resolve("published");
        var data = dir.resolve("data").toString();

        var delta = KaifangCliTests.run(
                "register",
                "export",
                "--kind",
                "delta",
                "--date",
                "2025-03-03",
                "--out",
                out.toString(),
                "--data",
                data);
        var snapshot =
                KaifangCliTests.run("register", "export", "--format", "jsonl", "--out", out.toString(), "--data", data);

        assertThat(delta.exit()).as(delta.err()).isZero();
        assertThat(snapshot.exit()).as(snapshot.err()).isZero();
        var csv = out.resolve("kaifang-register-delta-2025-03-03.csv");
        assertThat(delta.out()).contains(csv + ": 0 rows, SHA-256 ");
        assertThat(Files.readString(csv)).startsWith("change,changed_at,change_reason,id,kind,number,holder");
        var manifest = JsonMapper.builder()
                .build()
                .readTree(out.resolve(csv.getFileName() + ".manifest.json").toFile());
        assertThat(manifest.get("rows").asLong()).isZero();
        assertThat(manifest.get("complete").asBoolean())
                .as("2025-03-03 is over")
                .isTrue();
        assertThat(manifest.get("file").asText()).isEqualTo(csv.getFileName().toString());
        assertThat(manifest.get("sha256").asText()).isEqualTo(sha256(csv));

        try (var files = Files.list(out)) {
            var names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).hasSize(4).noneMatch(n -> n.contains("partial"));
            var yesterday = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                    .minusDays(1);
            assertThat(names)
                    .as("by default the latest day that is over (or, just past midnight in China, the day before)")
                    .anyMatch(n -> n.equals("kaifang-register-snapshot-" + yesterday + ".jsonl")
                            || n.equals("kaifang-register-snapshot-" + yesterday.minusDays(1) + ".jsonl"));
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
