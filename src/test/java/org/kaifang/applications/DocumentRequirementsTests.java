package org.kaifang.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.kaifang.rules.Confidence;
import org.kaifang.rules.RulePackLoader;

/** The bundled pack's document lists: one per application type, every kind named in both languages. */
class DocumentRequirementsTests {

    private static final DocumentRequirements REQUIREMENTS =
            new DocumentRequirements(RulePackLoader.fromClasspath("telecom-vas"));
    private static final LocalDate ON = LocalDate.parse("2025-06-01");

    @Test
    void theBundledPackPassesTheCheck() {
        assertThatCode(REQUIREMENTS::check).doesNotThrowAnyException();
    }

    @Test
    void aNewLicenceNeedsTheTypicalOrder42List() {
        assertThat(REQUIREMENTS.required(ApplicationType.NEW_LICENCE, ON))
                .contains(
                        "APPLICATION_FORM",
                        "BUSINESS_LICENCE",
                        "ARTICLES",
                        "SHAREHOLDERS",
                        "TECHNICAL_PLAN",
                        "NETWORK_SECURITY",
                        "COMMITMENT_LETTER");
        var basis = REQUIREMENTS.basis(ApplicationType.NEW_LICENCE, ON).orElseThrow();
        assertThat(basis.citation().instrument()).isEqualTo("ORDER-42");
        assertThat(basis.confidence()).isEqualTo(Confidence.V);
        assertThat(basis.note()).isNotNull();
    }

    @Test
    void everyTypeHasAListAndEveryKindAName() {
        for (var type : ApplicationType.values()) {
            assertThat(REQUIREMENTS.required(type, ON)).as(type.name()).isNotEmpty();
            for (var kind : REQUIREMENTS.kinds(type, ON)) {
                assertThat(REQUIREMENTS.name(kind).zh()).as(kind).isNotEqualTo(kind);
                assertThat(REQUIREMENTS.name(kind).en()).as(kind).isNotEqualTo(kind);
            }
        }
    }

    @Test
    void pilotApprovalsHaveNoListBeforeThePilotOpened() {
        assertThat(REQUIREMENTS.required(ApplicationType.PILOT_APPROVAL, LocalDate.parse("2024-01-01")))
                .isEmpty();
        assertThat(REQUIREMENTS.kinds(ApplicationType.NEW_LICENCE, ON)).contains("OTHER", "PRIOR_APPROVAL");
    }
}
