package org.kaifang.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kaifang.eligibility.ConformanceKit;
import org.kaifang.eligibility.EligibilityEngine;
import org.kaifang.rules.RulePackLoader;

/**
 * Runs the shipped candidate pack's own example cases (rules/candidates/twenty-cities-2025/examples) and, since the
 * candidate copies the live pack, the live pack's cases too: a candidate that changes only what its measures change
 * must still pass every case outside them.
 */
class CandidatePackExamplesTests {

    private static final Path CANDIDATE = Path.of("rules/candidates/twenty-cities-2025");

    @TestFactory
    Stream<DynamicTest> everyCandidateExampleCasePasses() {
        var engine = new EligibilityEngine(RulePackLoader.fromDirectory(CANDIDATE));
        return ConformanceKit.fromDirectory(CANDIDATE.resolve("examples")).run(engine).stream()
                .map(result -> DynamicTest.dynamicTest(
                        result.example().file() + ": " + result.example().name(),
                        () -> assertThat(result.mismatches()).isEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> theLivePacksCasesPassUnderTheCandidate() {
        var engine = new EligibilityEngine(RulePackLoader.fromDirectory(CANDIDATE));
        return ConformanceKit.fromDirectory(Path.of("rules/telecom-vas/examples")).run(engine).stream()
                .map(result -> DynamicTest.dynamicTest(
                        result.example().file() + ": " + result.example().name(),
                        () -> assertThat(result.mismatches()).isEmpty()));
    }

    @Test
    void theCandidateHasItsOwnCases() {
        assertThat(ConformanceKit.fromDirectory(CANDIDATE.resolve("examples")).cases())
                .hasSizeGreaterThanOrEqualTo(10);
    }
}
