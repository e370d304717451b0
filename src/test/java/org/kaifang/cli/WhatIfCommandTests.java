package org.kaifang.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kaifang whatif}: every problem with the options or the candidate at once (exit 2), and a run end to end. */
class WhatIfCommandTests {

    static final Path CANDIDATE = Path.of("rules/candidates/twenty-cities-2025");

    @TempDir
    Path dir;

    @Test
    void missingOptionsAreAllListedWithExitTwo() {
        var run = KaifangCliTests.run("whatif");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("2 problem(s)", "--candidate: is required", "--as-of: is required");
    }

    @Test
    void aBadDateAndAMissingDirectoryAreListedTogether() {
        var run = KaifangCliTests.run(
                "whatif", "--candidate", dir.resolve("nowhere").toString(), "--as-of", "2025-02-30");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("is not a directory", "must be a date, YYYY-MM-DD, not '2025-02-30'");
    }

    @Test
    void aDefectiveCandidateIsRefusedWithEveryProblem() throws IOException {
        var broken = dir.resolve("broken");
        Files.createDirectories(broken);
        try (var files = Files.list(CANDIDATE)) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                Files.copy(file, broken.resolve(file.getFileName()));
            }
        }
        Files.delete(broken.resolve("areas.yaml"));
        Files.writeString(
                broken.resolve("pack.yaml"),
                Files.readString(broken.resolve("pack.yaml"))
                        .replace("version: 1.1.0-draft.twenty-cities", "version: one"));

        var run = KaifangCliTests.run("whatif", "--candidate", broken.toString(), "--as-of", "2025-09-01");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("areas.yaml", "file is missing");
    }

    @Test
    void aRunOverAnEmptyDatabaseFinishesAndPrintsItsSummary() {
        var run = KaifangCliTests.run(
                "whatif",
                "--candidate",
                CANDIDATE.toString(),
                "--as-of",
                "2025-09-01",
                "--data",
                dir.resolve("data").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("What-if of " + CANDIDATE + " as of 2025-09-01")
                .contains("DONE: run ")
                .contains("0 services gained, 0 lost");
    }
}
