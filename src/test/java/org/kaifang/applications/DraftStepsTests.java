package org.kaifang.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.kaifang.applications.Actors.APPLICANT_A;
import static org.kaifang.applications.Actors.APPLICANT_B;
import static org.kaifang.applications.Actors.OFFICER;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kaifang.calendar.ClockUnit;
import org.kaifang.calendar.TimeLimit;
import org.kaifang.eligibility.InputProblem;
import org.kaifang.rules.RulePackLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The wizard's steps on the aggregate: each saves its own section of the draft's request, on a draft only. */
class DraftStepsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Instant at(String date) {
        return LocalDate.parse(date)
                .atTime(LocalTime.of(10, 0))
                .atZone(LicenceApplication.CHINA)
                .toInstant();
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static LicenceApplication draft() {
        return LicenceApplication.draft(
                ApplicationId.random(),
                ApplicationType.NEW_LICENCE,
                APPLICANT_A,
                "Harbour Cloud",
                DraftRequest.initial(LocalDate.parse("2025-03-01"), "Harbour Cloud", "91310000MA1FL8L09Q"),
                at("2025-03-01"));
    }

    private static final String COMPANY = """
            {"applicant": {"name": "Harbour Cloud (Shanghai) Co., Ltd.", "uscc": "91310000MA1FL8L09Q",
             "seat": "310115", "legalRepresentative": "王芳", "address": "1 Century Avenue, Pudong",
             "registeredCapitalCny": 10000000}}""";

    @Nested
    class Saving {

        @Test
        void eachStepReplacesOnlyItsOwnSectionAndDatesTheRequest() {
            var a = draft().saveStep(APPLICANT_A, DraftStep.COMPANY, json(COMPANY), null, at("2025-03-02"))
                    .saveStep(
                            APPLICANT_A,
                            DraftStep.OWNERSHIP,
                            json("{\"foreignEquityPercent\": 49}"),
                            null,
                            at("2025-03-03"))
                    .saveStep(
                            APPLICANT_A,
                            DraftStep.SERVICES,
                            json("{\"services\": [{\"code\": \"B21\", \"coverage\": [\"CN\"]}]}"),
                            ApplicationType.PILOT_APPROVAL,
                            at("2025-03-04"));

            var request = DraftRequest.tree(a.request());
            assertThat(request.at("/asOf").asString()).isEqualTo("2025-03-04");
            assertThat(request.at("/applicant/legalRepresentative").asString()).isEqualTo("王芳");
            assertThat(request.at("/foreignEquityPercent").asInt()).isEqualTo(49);
            assertThat(request.at("/services/0/code").asString()).isEqualTo("B21");
            assertThat(a.applicantName()).isEqualTo("Harbour Cloud (Shanghai) Co., Ltd.");
            assertThat(a.type()).isEqualTo(ApplicationType.PILOT_APPROVAL);
            assertThat(a.status()).isEqualTo(ApplicationStatus.DRAFT);
            assertThat(a.history())
                    .extracting(Step::action)
                    .containsExactly("create", "step-company", "step-ownership", "step-services");
        }

        @Test
        void anOwnershipStructureReplacesAFigureAndTheOtherWayRound() {
            var figure = draft().saveStep(
                            APPLICANT_A,
                            DraftStep.OWNERSHIP,
                            json("{\"foreignEquityPercent\": 30}"),
                            null,
                            at("2025-03-02"));
            var structured = figure.saveStep(
                    APPLICANT_A,
                    DraftStep.OWNERSHIP,
                    json("{\"ownership\": {\"parties\": [], \"holdings\": []}}"),
                    null,
                    at("2025-03-02"));

            var request = DraftRequest.tree(structured.request());
            assertThat(request.has("foreignEquityPercent")).isFalse();
            assertThat(request.has("ownership")).isTrue();
        }

        @Test
        void theCompanyStepKeepsTheCreditListsTheRequestDeclared() {
            var declared = LicenceApplication.draft(
                    ApplicationId.random(),
                    ApplicationType.NEW_LICENCE,
                    APPLICANT_A,
                    "Harbour Cloud",
                    "{\"asOf\":\"2025-03-01\",\"applicant\":{\"name\":\"Harbour Cloud\",\"creditStatus\":[\"BAD_LIST\"]}}",
                    at("2025-03-01"));

            var saved = declared.saveStep(APPLICANT_A, DraftStep.COMPANY, json(COMPANY), null, at("2025-03-02"));

            assertThat(DraftRequest.tree(saved.request())
                            .at("/applicant/creditStatus/0")
                            .asString())
                    .isEqualTo("BAD_LIST");
        }

        @Test
        void theServicesStepKeepsTheTypeWhenNoneIsGiven() {
            var saved = draft().saveStep(
                            APPLICANT_A, DraftStep.SERVICES, json("{\"services\": []}"), null, at("2025-03-02"));

            assertThat(saved.type()).isEqualTo(ApplicationType.NEW_LICENCE);
        }
    }

    @Nested
    class Guards {

        @Test
        void onlyTheApplyingOrganisationsApplicantEditsTheDraft() {
            var other = catchThrowableOfType(
                    ActionRefused.class,
                    () -> draft().saveStep(APPLICANT_B, DraftStep.COMPANY, json(COMPANY), null, at("2025-03-02")));
            var officer = catchThrowableOfType(
                    ActionRefused.class,
                    () -> draft().saveStep(OFFICER, DraftStep.COMPANY, json(COMPANY), null, at("2025-03-02")));

            assertThat(other.kind()).isEqualTo(ActionRefused.Kind.FORBIDDEN);
            assertThat(officer.kind()).isEqualTo(ActionRefused.Kind.FORBIDDEN);
        }

        @Test
        void aSubmittedApplicationIsNoLongerEditedStepByStep() {
            var submitted = draft().submit(
                            APPLICANT_A,
                            new LicenceApplication.Submission(
                                    at("2025-03-03"), "det", "PERMITTED", "telecom-vas 1.0.0"),
                            new TimeLimit(5, ClockUnit.WORKING),
                            at("2025-03-03"));

            var refused = catchThrowableOfType(
                    ActionRefused.class,
                    () -> submitted.saveStep(APPLICANT_A, DraftStep.COMPANY, json(COMPANY), null, at("2025-03-04")));

            assertThat(refused.kind()).isEqualTo(ActionRefused.Kind.CONFLICT);
            assertThat(refused.getMessage()).contains("submitted");
        }

        @Test
        void theDocumentsAndReviewStepsSaveNothingInTheRequest() {
            var refused = catchThrowableOfType(
                    ActionRefused.class,
                    () -> draft().saveStep(APPLICANT_A, DraftStep.REVIEW, json("{}"), null, at("2025-03-02")));

            assertThat(refused.kind()).isEqualTo(ActionRefused.Kind.INVALID);
        }

        @Test
        void aBlankApplicantNameIsRefused() {
            var refused = catchThrowableOfType(
                    ActionRefused.class,
                    () -> draft().saveStep(
                                    APPLICANT_A,
                                    DraftStep.COMPANY,
                                    json("{\"applicant\": {\"name\": \"  \"}}"),
                                    null,
                                    at("2025-03-02")));

            assertThat(refused.kind()).isEqualTo(ActionRefused.Kind.INVALID);
            assertThat(refused.field()).isEqualTo("applicant/name");
        }

        @Test
        void submissionDatesTheRequestTheDayItIsSubmitted() {
            var dated = draft().datedForSubmission(APPLICANT_A, LocalDate.parse("2025-04-07"));

            assertThat(DraftRequest.tree(dated.request()).at("/asOf").asString())
                    .isEqualTo("2025-04-07");
            assertThat(catchThrowableOfType(
                                    ActionRefused.class,
                                    () -> draft().datedForSubmission(APPLICANT_B, LocalDate.parse("2025-04-07")))
                            .kind())
                    .isEqualTo(ActionRefused.Kind.FORBIDDEN);
        }
    }

    @Nested
    class Requirements {

        @Test
        void theCompanyStepNeedsTheParticularsAnApplicationFormCarries() {
            var problems = DraftRequest.required(
                    DraftStep.COMPANY, "{\"applicant\":{\"name\":\"Harbour Cloud\",\"address\":\" \"}}");

            assertThat(problems)
                    .extracting(InputProblem::pointer)
                    .containsExactly(
                            "/applicant/uscc",
                            "/applicant/legalRepresentative",
                            "/applicant/address",
                            "/applicant/registeredCapitalCny");
        }

        @Test
        void aStepTakesOnlyItsOwnSection() {
            var problems = DraftRequest.unknownFields(
                    DraftStep.OWNERSHIP, json("{\"foreignEquityPercent\": 10, \"services\": []}"), java.util.Set.of());

            assertThat(problems).containsExactly(new InputProblem("/services", "is not part of the ownership step"));
        }

        @Test
        void problemsAreSortedIntoTheStepWhoseSectionTheyPointInto() {
            assertThat(DraftRequest.belongsTo(new InputProblem("/applicant/uscc", "x"), DraftStep.COMPANY))
                    .isTrue();
            assertThat(DraftRequest.belongsTo(new InputProblem("/ownership/holdings/0", "x"), DraftStep.OWNERSHIP))
                    .isTrue();
            assertThat(DraftRequest.belongsTo(new InputProblem("/services/0/item", "x"), DraftStep.SERVICES))
                    .isTrue();
            assertThat(DraftRequest.belongsTo(new InputProblem("/asOf", "x"), DraftStep.REVIEW))
                    .isTrue();
            assertThat(DraftRequest.belongsTo(new InputProblem("/asOf", "x"), DraftStep.COMPANY))
                    .isFalse();
        }
    }

    @Nested
    class Progress {

        private static final org.kaifang.rules.DatedValue RULE = RulePackLoader.fromDirectory(
                        Path.of("rules/telecom-vas"))
                .parameter(Drafts.COMPLETENESS)
                .require(LocalDate.parse("2025-03-01"));

        private static DraftProgress progress(
                Map<DraftStep, List<InputProblem>> problems, List<String> missing, boolean documentsRequired) {
            return new DraftProgress(problems, missing, true, documentsRequired, RULE);
        }

        @Test
        void theRulePackRequiresCompleteStepsAndDocumentsWithACitation() {
            assertThat(RULE.map()).containsEntry("steps", true).containsEntry("documents", true);
            assertThat(RULE.citation().instrument()).isEqualTo("ADMIN-LICENSING-LAW");
        }

        @Test
        void aReopenedDraftResumesAtTheFirstIncompleteStep() {
            var problem = List.of(new InputProblem("/services", "is required"));

            assertThat(progress(Map.of(DraftStep.SERVICES, problem), List.of("ARTICLES"), true)
                            .firstIncomplete())
                    .isEqualTo(DraftStep.SERVICES);
            assertThat(progress(Map.of(), List.of("ARTICLES"), true).firstIncomplete())
                    .isEqualTo(DraftStep.DOCUMENTS);
            assertThat(progress(Map.of(), List.of(), true).firstIncomplete()).isEqualTo(DraftStep.REVIEW);
        }

        @Test
        void missingDocumentsBlockSubmissionOnlyWhenTheRulePackSaysSo() {
            var required = progress(Map.of(), List.of("ARTICLES"), true);
            var optional = progress(Map.of(), List.of("ARTICLES"), false);

            assertThat(required.canSubmit()).isFalse();
            assertThat(required.blocking()).containsExactly(DraftStep.DOCUMENTS);
            assertThat(optional.canSubmit()).isTrue();
        }

        @Test
        void theRefusalSaysWhatIsIncomplete() {
            var incomplete = progress(
                    Map.of(DraftStep.COMPANY, List.of(new InputProblem("/applicant/uscc", "is required"))),
                    List.of("ARTICLES", "SHAREHOLDERS"),
                    true);

            assertThat(new DraftIncomplete(incomplete).getMessage())
                    .contains("complete the step(s) company")
                    .contains("ARTICLES, SHAREHOLDERS")
                    .contains(Drafts.COMPLETENESS);
        }
    }
}
