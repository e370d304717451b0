package org.kaifang.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.kaifang.rules.RulePackFixtures.append;
import static org.kaifang.rules.RulePackFixtures.copyOfBundledPack;
import static org.kaifang.rules.RulePackFixtures.delete;
import static org.kaifang.rules.RulePackFixtures.read;
import static org.kaifang.rules.RulePackFixtures.rejectionOf;
import static org.kaifang.rules.RulePackFixtures.replaceFirst;
import static org.kaifang.rules.RulePackFixtures.write;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class RulePackLoaderTests {

    @TempDir
    Path temp;

    // ---- the bundled pack --------------------------------------------------------------------------------------

    @Test
    void loadsTheBundledPackWithItsIdVersionAndSha256Digest() {
        var pack = RulePackLoader.fromDirectory(RulePackFixtures.BUNDLED);

        assertThat(pack.id()).isEqualTo("telecom-vas");
        assertThat(pack.version()).isEqualTo("1.0.0");
        assertThat(pack.ref().digest()).matches("sha256:[0-9a-f]{64}");
        assertThat(pack.coverageFrom()).isEqualTo(LocalDate.of(2020, 7, 23));
    }

    @Test
    void loadsEveryPartOfTheBundledPack() {
        var pack = RulePackLoader.fromDirectory(RulePackFixtures.BUNDLED);

        assertThat(pack.instruments()).containsKeys("NL-2024", "MIIT-2024-107", "ORDER-42");
        assertThat(pack.catalogue().find("B11")).isPresent();
        assertThat(pack.catalogue().valueAdded())
                .extracting(ServiceCategory::code)
                .containsExactly("B11", "B12", "B13", "B14", "B21", "B22", "B23", "B24", "B25", "B26");
        assertThat(pack.areas())
                .extracting(Area::id)
                .containsExactly("CN-PILOT-BJ", "CN-PILOT-SH", "CN-PILOT-HI", "CN-PILOT-SZ", "CN-HAINAN-FTP", "CN-FTZ");
        assertThat(pack.zones()).containsOnlyKeys("CN-SH-LINGANG", "CN-FTZ");
        assertThat(pack.parameters()).containsKeys("equity.vas-cap", "pilot.services");
        assertThat(pack.messages()).containsKey("equity.cap.permitted");
    }

    @Test
    void computesTheSameDigestOnEveryLoad() {
        var first = RulePackLoader.fromDirectory(RulePackFixtures.BUNDLED);
        var second = RulePackLoader.fromDirectory(RulePackFixtures.BUNDLED);

        assertThat(second.ref()).isEqualTo(first.ref());
    }

    @Test
    void computesTheSameDigestFromTheClasspathAsFromTheDirectory() {
        var fromDirectory = RulePackLoader.fromDirectory(RulePackFixtures.BUNDLED);
        var fromClasspath = RulePackLoader.fromClasspath("telecom-vas");

        assertThat(fromClasspath.ref()).isEqualTo(fromDirectory.ref());
    }

    @Test
    void computesTheSameDigestForACopyInAnotherDirectory() {
        var copy = copyOfBundledPack(temp);

        assertThat(RulePackLoader.fromDirectory(copy).ref())
                .isEqualTo(RulePackFixtures.bundledPack().ref());
    }

    static final String[] CONTENT_FILES = RulePackLoader.CONTENT_FILES.toArray(String[]::new);

    @ParameterizedTest
    @FieldSource("CONTENT_FILES")
    void changesTheDigestWhenAContentFileChanges(String file) {
        var copy = copyOfBundledPack(temp);
        append(copy, file, "\n# an edit that changes no rule, but the content all the same\n");

        var edited = RulePackLoader.fromDirectory(copy);

        assertThat(edited.ref().digest())
                .isNotEqualTo(RulePackFixtures.bundledPack().ref().digest());
    }

    @Test
    void changesTheDigestWhenAParameterValueChanges() {
        var copy = copyOfBundledPack(temp);
        replaceFirst(copy, "parameters.yaml", "value: 10000000", "value: 20000000");

        var edited = RulePackLoader.fromDirectory(copy);

        assertThat(edited.ref().digest())
                .isNotEqualTo(RulePackFixtures.bundledPack().ref().digest());
        assertThat(edited.parameter("capital.minimum.cross-regional")
                        .require(LocalDate.of(2025, 3, 1))
                        .decimal())
                .isEqualByComparingTo("20000000");
    }

    @Test
    void keepsTheDigestWhenOnlyTheChangelogChanges() {
        var copy = copyOfBundledPack(temp);
        append(copy, "CHANGELOG.md", "\nA note that decides nothing.\n");

        assertThat(RulePackLoader.fromDirectory(copy).ref())
                .isEqualTo(RulePackFixtures.bundledPack().ref());
    }

    @Test
    void keepsTheDigestWhenLineEndingsAreWindowsOnes() {
        var copy = copyOfBundledPack(temp);
        for (var file : CONTENT_FILES) {
            write(copy, file, read(copy, file).replace("\n", "\r\n"));
        }

        assertThat(RulePackLoader.fromDirectory(copy).ref())
                .isEqualTo(RulePackFixtures.bundledPack().ref());
    }

    // ---- broken packs ------------------------------------------------------------------------------------------

    @Test
    void rejectsAPackWithAMissingContentFile() {
        var copy = copyOfBundledPack(temp);
        delete(copy, "areas.yaml");

        assertThat(rejectionOf(copy).problems())
                .extracting(RulePackProblem::file, RulePackProblem::path, RulePackProblem::message)
                .containsExactly(tuple("areas.yaml", "", "file is missing"));
    }

    @Test
    void rejectsAPackWithoutAChangelog() {
        var copy = copyOfBundledPack(temp);
        delete(copy, "CHANGELOG.md");

        assertThat(rejectionOf(copy).problems())
                .extracting(RulePackProblem::file, RulePackProblem::message)
                .containsExactly(tuple("CHANGELOG.md", "file is missing"));
    }

    @Test
    void rejectsAFileThatIsNotValidYaml() {
        var copy = copyOfBundledPack(temp);
        write(copy, "instruments.yaml", "instruments: [ {id: NL-2024, title: \n");

        var problems = rejectionOf(copy).problems();

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("instruments.yaml");
            assertThat(problem.message()).startsWith("is not valid YAML");
        });
    }

    @Test
    void listsEveryMissingAndUnreadableFileTogether() {
        var copy = copyOfBundledPack(temp);
        delete(copy, "areas.yaml");
        delete(copy, "messages.yaml");
        write(copy, "instruments.yaml", "instruments: [ {id: NL-2024, title: \n");

        assertThat(rejectionOf(copy).problems())
                .extracting(RulePackProblem::file)
                .containsExactlyInAnyOrder("areas.yaml", "messages.yaml", "instruments.yaml");
    }

    @Test
    void rejectsAVersionThatIsNotSemantic() {
        var copy = copyOfBundledPack(temp);
        replaceFirst(copy, "pack.yaml", "version: 1.0.0", "version: \"1.0\"");
        replaceFirst(copy, "CHANGELOG.md", "## 1.0.0", "## 1.0");

        assertThat(rejectionOf(copy).problems())
                .extracting(RulePackProblem::file, RulePackProblem::path)
                .containsExactly(tuple("pack.yaml", "/version"));
    }

    @Test
    void rejectsOverlappingPeriodsOfAParameter() {
        var copy = copyOfBundledPack(temp);
        // equity.vas-cap: the 2021 list's value starts on the last day of the 2020 list's
        replaceFirst(
                copy,
                "parameters.yaml",
                "      - from: 2022-01-01\n        to: 2024-10-31\n        value: 50",
                "      - from: 2021-12-31\n        to: 2024-10-31\n        value: 50");

        assertThat(rejectionOf(copy).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("parameters.yaml");
            assertThat(problem.path()).isEqualTo("/parameters/equity.vas-cap/values");
            assertThat(problem.message()).contains("overlap").contains("2021-12-31");
        });
    }

    @Test
    void rejectsAnOpenEndedPeriodFollowedByAnother() {
        var copy = copyOfBundledPack(temp);
        // equity.basic-cap: the 2016 Provisions' value loses its end date
        replaceFirst(copy, "parameters.yaml", "        to: 2022-04-30\n        value: 49\n", "        value: 49\n");

        assertThat(rejectionOf(copy).problems())
                .extracting(RulePackProblem::file, RulePackProblem::path)
                .containsExactly(tuple("parameters.yaml", "/parameters/equity.basic-cap/values"));
    }

    @Test
    void rejectsACitationOfAnUnknownInstrument() {
        var copy = copyOfBundledPack(temp);
        replaceFirst(
                copy, "catalogue.yaml", "{instrument: CAT-2015, article: B13}", "{instrument: CAT-2099, article: B13}");

        assertThat(rejectionOf(copy).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("catalogue.yaml");
            assertThat(problem.path()).isEqualTo("/services/2/cite/instrument");
            assertThat(problem.message()).contains("CAT-2099");
        });
    }

    @Test
    void rejectsAnAreaNamingAnUnknownDivision() {
        var copy = copyOfBundledPack(temp);
        replaceFirst(copy, "areas.yaml", "divisions: [\"110000\"]", "divisions: [\"110199\"]");

        assertThat(rejectionOf(copy).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("areas.yaml");
            assertThat(problem.path()).isEqualTo("/areas/0/divisions/0");
            assertThat(problem.message()).contains("110199");
        });
    }

    @Test
    void rejectsAZoneImplyingAnUnknownZone() {
        var copy = copyOfBundledPack(temp);
        replaceFirst(copy, "areas.yaml", "implies: [CN-FTZ]", "implies: [CN-FTZ-XX]");

        assertThat(rejectionOf(copy).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("areas.yaml");
            assertThat(problem.path()).startsWith("/zones");
            assertThat(problem.message()).contains("CN-SH-LINGANG").contains("CN-FTZ-XX");
        });
    }

    @Test
    void rejectsAVersionWithoutAChangelogEntry() {
        var copy = copyOfBundledPack(temp);
        replaceFirst(copy, "pack.yaml", "version: 1.0.0", "version: 1.1.0");

        assertThat(rejectionOf(copy).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("CHANGELOG.md");
            assertThat(problem.message()).contains("1.1.0");
        });
    }

    @Test
    void rejectsAChangelogEntryThatDoesNotStateTheImpactedPeriods() {
        var copy = copyOfBundledPack(temp);
        replaceFirst(copy, "CHANGELOG.md", "Impacted periods:", "Periods:");

        assertThat(rejectionOf(copy).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("CHANGELOG.md");
            assertThat(problem.message()).contains("Impacted periods");
        });
    }

    @Test
    void rejectsAChangelogEntryThatDoesNotStateTheImpactedRules() {
        var copy = copyOfBundledPack(temp);
        replaceFirst(copy, "CHANGELOG.md", "Impacted rules:", "Rules:");

        assertThat(rejectionOf(copy).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("CHANGELOG.md");
            assertThat(problem.message()).contains("Impacted rules");
        });
    }

    @Test
    void doesNotTakeTheImpactedLinesOfAnotherVersionsEntry() {
        var copy = copyOfBundledPack(temp);
        replaceFirst(copy, "pack.yaml", "version: 1.0.0", "version: 1.1.0");
        replaceFirst(copy, "CHANGELOG.md", "## 1.0.0", "## 1.1.0 — 2026-12-01\n\nA fix.\n\n## 1.0.0");

        assertThat(rejectionOf(copy).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("CHANGELOG.md");
            assertThat(problem.message()).contains("1.1.0").contains("Impacted");
        });
    }

    @Test
    void listsEveryProblemOfAPackAtOnceWithFileAndPath() {
        var copy = copyOfBundledPack(temp);
        replaceFirst(copy, "pack.yaml", "version: 1.0.0", "version: v1");
        replaceFirst(
                copy,
                "parameters.yaml",
                "      - from: 2022-01-01\n        to: 2024-10-31\n        value: 50",
                "      - from: 2021-12-31\n        to: 2024-10-31\n        value: 50");
        replaceFirst(
                copy, "catalogue.yaml", "{instrument: CAT-2015, article: B13}", "{instrument: CAT-2099, article: B13}");
        replaceFirst(copy, "areas.yaml", "divisions: [\"110000\"]", "divisions: [\"110199\"]");
        replaceFirst(copy, "areas.yaml", "implies: [CN-FTZ]", "implies: [CN-FTZ-XX]");

        var rejection = rejectionOf(copy);

        assertThat(rejection.problems())
                .extracting(RulePackProblem::file, RulePackProblem::path)
                .containsExactlyInAnyOrder(
                        tuple("pack.yaml", "/version"),
                        tuple("CHANGELOG.md", ""),
                        tuple("parameters.yaml", "/parameters/equity.vas-cap/values"),
                        tuple("catalogue.yaml", "/services/2/cite/instrument"),
                        tuple("areas.yaml", "/areas/0/divisions/0"),
                        tuple("areas.yaml", "/zones"));
        assertThat(rejection.getMessage())
                .contains("6 problem(s)")
                .contains("pack.yaml /version")
                .contains("areas.yaml /areas/0/divisions/0")
                .contains("catalogue.yaml /services/2/cite/instrument");
    }
}
