package org.kaifang.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.kaifang.rules.RulePackLoader;

/**
 * Runs the conformance kit of the bundled telecom-VAS rule pack (rules/telecom-vas/examples/*.yaml) as one dynamic
 * test per case, so that {@code ./mvnw verify} fails on any case the engine gets wrong. The format is documented in
 * docs/conformance.md.
 */
class RulePackExamplesTests {

    private static final Path PACK = Path.of("rules/telecom-vas");
    private static final Path EXAMPLES = PACK.resolve("examples");

    @TestFactory
    Stream<DynamicTest> everyExampleCasePasses() {
        var engine = new EligibilityEngine(RulePackLoader.fromDirectory(PACK));
        var reader = new RequestReader(engine.pack(), org.kaifang.screening.Screening.builtIn());
        return ConformanceKit.fromDirectory(EXAMPLES).cases().stream()
                .map(example -> DynamicTest.dynamicTest(example.file() + ": " + example.name(), () -> {
                    var result = ConformanceKit.run(example, reader, engine);
                    assertThat(result.mismatches())
                            .as("mismatches of %s: %s", example.file(), example.name())
                            .isEmpty();
                }));
    }

    @Test
    void thePackHasAtLeastEightyExampleCases() {
        assertThat(ConformanceKit.fromDirectory(EXAMPLES).cases()).hasSizeGreaterThanOrEqualTo(80);
    }

    @Test
    void everyExampleCaseHasAUniqueName() {
        var names = ConformanceKit.fromDirectory(EXAMPLES).cases().stream()
                .map(c -> c.file() + ": " + c.name())
                .toList();
        assertThat(names).doesNotHaveDuplicates();
    }
}
