package org.kaifang.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.kaifang.rules.RulePackLoader;

/**
 * A pilot area opened by a later measure carries its own coverage rule ({@code pilot.coverage-confined.<area>}), so
 * the coverage finding cites that measure; the 2024 pilot areas keep citing the 2024 Pilot Plan. Uses the shipped
 * twenty-city candidate, whose plan cities are such areas.
 */
class AreaOwnParametersTests {

    private static final EligibilityEngine CANDIDATE =
            new EligibilityEngine(RulePackLoader.fromDirectory(Path.of("rules/candidates/twenty-cities-2025")));

    private static Finding coverage(String seat) {
        var determination = CANDIDATE.determine(Requests.on("2025-09-01")
                .seat(seat)
                .foreignEquity("100")
                .service(Requests.service("B14/USER_ACCESS"))
                .build());
        var matching = determination.services().getFirst().findings().stream()
                .filter(f -> f.rule().equals("pilot.coverage"))
                .toList();
        assertThat(matching).as("coverage findings for a seat in %s", seat).hasSize(1);
        return matching.getFirst();
    }

    @Test
    void aPlanCitysNationwideUserAccessIsReferredOnThePlansOwnRule() {
        var finding = coverage("330106"); // Hangzhou Xihu District

        assertThat(finding.outcome()).isEqualTo(Outcome.REFER);
        assertThat(finding.citation().instrument()).isEqualTo("MIIT-2025-SCIO");
    }

    @Test
    void aPilotAreaOf2024StillCitesThePilotPlan() {
        var finding = coverage("310115"); // Shanghai Pudong New Area

        assertThat(finding.citation().instrument()).isEqualTo("MIIT-2024-107");
    }
}
