package org.kaifang.eligibility.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/**
 * Shapes of the determination contract for the OpenAPI description only. The API reads and writes JSON itself so that
 * it can report every problem with a JSON pointer and return stored determinations byte for byte.
 */
final class ApiDocs {

    private ApiDocs() {}

    @Schema(name = "DeterminationRequest")
    record Request(
            @Schema(example = "2025-03-01", requiredMode = Schema.RequiredMode.REQUIRED)
            String asOf,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            RequestApplicant applicant,

            @Schema(example = "100", description = "0-100; give this or ownership")
            BigDecimal foreignEquityPercent,

            @Schema(description = "A shareholding graph (ownership contract); give this or foreignEquityPercent")
            Object ownership,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<RequestService> services) {}

    record RequestApplicant(
            @Schema(example = "Example Cloud (Shanghai) Co., Ltd.")
            String name,

            @Schema(example = "91310115MA1H7AB3C3", description = "18-character USCC; check character verified")
            String uscc,

            @Schema(example = "310115", description = "GB/T 2260 division code of the registered seat")
            String seat,

            @Schema(example = "[\"CN-SH-LINGANG\"]") List<String> zones,
            @Schema(example = "10000000") BigDecimal registeredCapitalCny,

            @Schema(allowableValues = {"BAD_LIST", "DISHONEST_LIST"})
            List<String> creditStatus) {}

    record RequestService(
            @Schema(example = "B11") String code,
            @Schema(example = "IRCS") String item,
            @Schema(example = "[\"CN\"]") List<String> coverage,
            @Schema(example = "[\"310115\"]") List<String> facilities,

            @Schema(allowableValues = {"NEWS", "PUBLISHING", "AUDIOVISUAL", "CULTURE", "MEDICAL"})
            List<String> content) {}

    @Schema(name = "Determination")
    record Response(
            String id,
            String asOf,
            RulePack rulePack,

            @Schema(allowableValues = {"PERMITTED", "REFER", "NOT_PERMITTED"})
            String overall,

            Authority authority,

            @Schema(allowableValues = {"CROSS_REGIONAL", "PROVINCIAL"})
            String licenceScope,

            BigDecimal foreignEquityPercent,
            List<Finding> findings,
            List<Service> services,
            List<Text> hints,
            String createdAt) {}

    record RulePack(
            String id,
            String version,
            @Schema(example = "sha256:…") String digest) {}

    record Authority(@Schema(example = "MIIT") String code, Text name) {}

    record Text(String zh, String en) {}

    record Citation(String document, String article, String url, String instrument) {}

    record Finding(
            @Schema(example = "equity.national-cap") String rule,
            String outcome,
            Text message,
            Citation citation,
            @Schema(allowableValues = {"V", "S", "I", "M"}) String confidence,

            @Schema(description = "the rule whose more specific provision displaces this one")
            String overriddenBy) {}

    record Service(
            String code,
            String item,
            String outcome,
            @Schema(nullable = true) BigDecimal foreignEquityCapPercent,
            String decidedBy,
            List<Text> conditions,
            List<Finding> findings,
            List<Text> hints) {}

    @Schema(name = "InvalidRequestProblem")
    record Problem(
            @Schema(example = "urn:kaifang:problem:invalid-request")
            String type,

            String title,
            @Schema(example = "400") int status,
            String detail,
            String instance,
            List<Error> errors) {}

    record Error(@Schema(example = "/applicant/seat") String pointer, String message) {}
}
