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

            @Schema(
                    implementation = Structure.class,
                    description = "A shareholding graph (ownership contract); give this or foreignEquityPercent")
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
            List<String> creditStatus,

            @Schema(
                    description = "the legal representative, as an application form names them; not judged",
                    example = "王芳")
            String legalRepresentative,

            @Schema(description = "the registered address; not judged", example = "1 Century Avenue, Pudong")
            String address) {}

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

            @Schema(description = "present when the request gave an ownership structure")
            Analysis ownership,

            String createdAt) {}

    @Schema(name = "OwnershipStructure")
    record Structure(
            @Schema(description = "only on POST /api/v1/ownership/analyses", example = "2025-03-01")
            String asOf,

            List<StructureParty> parties,
            List<StructureHolding> holdings,
            List<StructureControl> control) {}

    record StructureParty(
            @Schema(example = "parent", description = "unique; the applicant has the id 'applicant'")
            String id,

            @Schema(example = "Example AG") String name,

            @Schema(allowableValues = {"COMPANY", "PERSON", "STATE", "FUND"})
            String kind,

            @Schema(example = "DE", description = "ISO 3166-1 alpha-2; CN = mainland; HK, MO, TW count as foreign")
            String jurisdiction,

            @Schema(description = "optional: uscc, lei, registry")
            java.util.Map<String, String> identifiers) {}

    record StructureHolding(
            @Schema(example = "parent") String owner,
            @Schema(example = "hk") String owned,

            @Schema(example = "60", description = "0-100; or equityRange")
            BigDecimal equityPercent,

            @Schema(example = "[5, 10]", description = "[min, max] when only a band is disclosed")
            List<BigDecimal> equityRange,

            @Schema(description = "when votes differ from equity")
            BigDecimal votingPercent) {}

    record StructureControl(
            String controller,
            String controlled,

            @Schema(allowableValues = {"CONTRACTUAL", "BOARD_MAJORITY", "GOLDEN_SHARE"})
            String kind) {}

    @Schema(name = "OwnershipAnalysis")
    record Analysis(
            AnalysisEquity foreignEquity,
            boolean foreignControlled,
            List<AnalysisController> controllers,
            List<AnalysisEffective> effective,
            List<AnalysisPath> paths) {}

    record AnalysisEquity(double direct, List<Double> directRange, double lookThrough, List<Double> lookThroughRange) {}

    record AnalysisController(String party, boolean foreign, List<String> chain, Text reason) {}

    record AnalysisEffective(String party, double percent, boolean foreign) {}

    record AnalysisPath(
            List<String> parties,
            double percent,
            boolean foreign,

            @Schema(example = "Example AG (DE) → 100% Example (HK) Ltd (HK) → 60% Example Cloud (CN) = 60%")
            String text) {}

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
