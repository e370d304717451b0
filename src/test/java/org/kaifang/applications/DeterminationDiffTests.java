package org.kaifang.applications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class DeterminationDiffTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void reportsOverallServiceAndFindingChangesAndNothingElse() {
        var before = JSON.readTree("""
                {"asOf":"2025-06-01","overall":"PERMITTED",
                 "findings":[{"rule":"applicant.credit","outcome":"PERMITTED"}],
                 "services":[{"code":"B11","item":"IDC","outcome":"PERMITTED","foreignEquityCapPercent":null,
                   "findings":[{"rule":"pilot.vas-opening","outcome":"PERMITTED"},
                               {"rule":"equity.national-cap","outcome":"NOT_PERMITTED","overriddenBy":"pilot.vas-opening"}]}]}
                """);
        var after = JSON.readTree("""
                {"asOf":"2024-01-01","overall":"NOT_PERMITTED",
                 "findings":[{"rule":"applicant.credit","outcome":"PERMITTED"}],
                 "services":[{"code":"B11","item":"IDC","outcome":"NOT_PERMITTED","foreignEquityCapPercent":50,
                   "findings":[{"rule":"equity.national-cap","outcome":"NOT_PERMITTED"}]}]}
                """);

        var diff = DeterminationDiff.between(before, after);

        assertThat(diff.overallBefore()).isEqualTo("PERMITTED");
        assertThat(diff.overallAfter()).isEqualTo("NOT_PERMITTED");
        assertThat(diff.changes())
                .containsExactly(
                        new DeterminationDiff.Change("B11/IDC", "outcome", "PERMITTED", "NOT_PERMITTED"),
                        new DeterminationDiff.Change("B11/IDC", "cap", "none", "50"),
                        new DeterminationDiff.Change("B11/IDC", "pilot.vas-opening", "PERMITTED", null),
                        new DeterminationDiff.Change(
                                "B11/IDC", "equity.national-cap", "NOT_PERMITTED (overridden)", "NOT_PERMITTED"));
    }

    @Test
    void theSameDeterminationHasNoChanges() {
        var d = JSON.readTree("""
                {"asOf":"2025-06-01","overall":"REFER","findings":[{"rule":"a","outcome":"REFER"}],"services":[]}
                """);

        assertThat(DeterminationDiff.between(d, d).same()).isTrue();
    }
}
