package org.kaifang.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.kaifang.applications.Actors.APPLICANT_A;
import static org.kaifang.applications.Actors.APPLICANT_B;
import static org.kaifang.applications.Actors.APPROVER;
import static org.kaifang.applications.Actors.OFFICER;
import static org.kaifang.applications.Actors.OFFICER_AND_APPROVER;
import static org.kaifang.applications.Actors.OFFICER_OF_A;
import static org.kaifang.applications.Actors.SECOND_OFFICER;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.kaifang.calendar.ClockState;
import org.kaifang.calendar.ClockUnit;
import org.kaifang.calendar.TimeLimit;
import org.kaifang.calendar.WorkingDayCalendar;

class LicenceApplicationTests {

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.builtIn();
    private static final TimeLimit FIVE_WORKING = new TimeLimit(5, ClockUnit.WORKING);
    private static final TimeLimit SIXTY_WORKING = new TimeLimit(60, ClockUnit.WORKING);

    /** 10:00 in Beijing on {@code date}. */
    private static Instant at(String date) {
        return LocalDate.parse(date)
                .atTime(LocalTime.of(10, 0))
                .atZone(LicenceApplication.CHINA)
                .toInstant();
    }

    private static LicenceApplication.Submission snapshot(String date) {
        return new LicenceApplication.Submission(at(date), "det-1", "PERMITTED", "telecom-vas 1.0.0");
    }

    private static LicenceApplication draft() {
        return LicenceApplication.draft(
                ApplicationId.random(),
                ApplicationType.NEW_LICENCE,
                APPLICANT_A,
                "Harbour Cloud",
                "{}",
                at("2025-01-20"));
    }

    private static LicenceApplication submitted(String date) {
        return draft().submit(APPLICANT_A, snapshot(date), FIVE_WORKING, at(date));
    }

    private static LicenceApplication recommended() {
        return submitted("2025-03-03")
                .accept(OFFICER, SIXTY_WORKING, at("2025-03-04"))
                .startReview(OFFICER, at("2025-03-05"))
                .recommend(OFFICER_AND_APPROVER, Verdict.APPROVE, "Meets art. 6", at("2025-03-10"));
    }

    @Test
    void theWholeJourneyRecordsEveryStepAndStopsTheClocks() {
        var decided = submitted("2025-03-03")
                .requestCorrection(OFFICER, "The ICP commitment letter is missing", at("2025-03-04"))
                .resubmit(APPLICANT_A, snapshot("2025-03-06"), at("2025-03-06"))
                .accept(OFFICER, SIXTY_WORKING, at("2025-03-07"))
                .startReview(OFFICER, at("2025-03-07"))
                .recommend(OFFICER, Verdict.APPROVE, "All conditions met", at("2025-03-20"))
                .decide(APPROVER, Verdict.APPROVE, "Approved as recommended", at("2025-03-25"));

        assertThat(decided.status()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(decided.history())
                .extracting(Step::action)
                .containsExactly(
                        "create",
                        "submit",
                        "request-correction",
                        "resubmit",
                        "accept",
                        "start-review",
                        "recommend-approve",
                        "decide-approve");
        assertThat(decided.acceptanceClock().stopped()).isTrue();
        assertThat(decided.decisionClock().stopped()).isTrue();
        assertThat(decided.decision().approver()).isEqualTo(APPROVER.user());
        assertThat(decided.recommendation().officer()).isEqualTo(OFFICER.user());
    }

    @Nested
    class FourEyes {

        @Test
        void theApproverIsNeverTheOfficerWhoRecommended() {
            var refused = catchThrowableOfType(
                    ActionRefused.class,
                    () -> recommended().decide(OFFICER_AND_APPROVER, Verdict.APPROVE, "ok", at("2025-03-11")));

            assertThat(refused.kind()).isEqualTo(ActionRefused.Kind.FORBIDDEN);
            assertThat(refused).hasMessageContaining("Four eyes");
        }

        @Test
        void aSecondPersonMayApprove() {
            assertThat(recommended()
                            .decide(APPROVER, Verdict.REFUSE, "Capital not paid in", at("2025-03-11"))
                            .status())
                    .isEqualTo(ApplicationStatus.REFUSED);
        }

        @Test
        void nobodyActsAsOfficerOnTheirOwnOrganisationsApplication() {
            var refused = catchThrowableOfType(
                    ActionRefused.class,
                    () -> submitted("2025-03-03").accept(OFFICER_OF_A, SIXTY_WORKING, at("2025-03-04")));

            assertThat(refused.kind()).isEqualTo(ActionRefused.Kind.FORBIDDEN);
            assertThat(refused).hasMessageContaining("own organisation");
        }

        @Test
        void anotherCompanysApplicantCannotSubmitWithdrawOrSee() {
            var a = draft();

            assertThat(catchThrowableOfType(
                                    ActionRefused.class,
                                    () -> a.submit(APPLICANT_B, snapshot("2025-03-03"), FIVE_WORKING, at("2025-03-03")))
                            .kind())
                    .isEqualTo(ActionRefused.Kind.FORBIDDEN);
            assertThat(catchThrowableOfType(ActionRefused.class, () -> a.withdraw(APPLICANT_B, "x", at("2025-03-03")))
                            .kind())
                    .isEqualTo(ActionRefused.Kind.FORBIDDEN);
            assertThat(a.visibleTo(APPLICANT_B)).isFalse();
            assertThat(a.visibleTo(APPLICANT_A)).isTrue();
            assertThat(a.visibleTo(OFFICER)).isTrue();
        }

        @Test
        void anApplicantCannotDoAnOfficersStep() {
            var refused = catchThrowableOfType(
                    ActionRefused.class,
                    () -> submitted("2025-03-03").accept(APPLICANT_A, SIXTY_WORKING, at("2025-03-04")));

            assertThat(refused.kind()).isEqualTo(ActionRefused.Kind.FORBIDDEN);
        }

        @Test
        void anOfficerCannotDecide() {
            var refused = catchThrowableOfType(
                    ActionRefused.class,
                    () -> recommended().decide(SECOND_OFFICER, Verdict.APPROVE, "ok", at("2025-03-11")));

            assertThat(refused.kind()).isEqualTo(ActionRefused.Kind.FORBIDDEN);
        }
    }

    @Nested
    class States {

        @Test
        void aDraftCannotBeAccepted() {
            var refused = catchThrowableOfType(
                    ActionRefused.class, () -> draft().accept(OFFICER, SIXTY_WORKING, at("2025-03-04")));

            assertThat(refused.kind()).isEqualTo(ActionRefused.Kind.CONFLICT);
            assertThat(refused).hasMessageContaining("draft");
        }

        @Test
        void aDecisionIsFinalAndCannotBeWithdrawn() {
            var approved = recommended().decide(APPROVER, Verdict.APPROVE, "ok", at("2025-03-11"));

            assertThat(catchThrowableOfType(
                                    ActionRefused.class, () -> approved.withdraw(APPLICANT_A, "x", at("2025-03-12")))
                            .kind())
                    .isEqualTo(ActionRefused.Kind.CONFLICT);
            assertThat(catchThrowableOfType(
                                    ActionRefused.class,
                                    () -> approved.decide(APPROVER, Verdict.REFUSE, "x", at("2025-03-12")))
                            .kind())
                    .isEqualTo(ActionRefused.Kind.CONFLICT);
        }

        @Test
        void aCorrectionOrRecommendationNeedsAReason() {
            var refused = catchThrowableOfType(
                    ActionRefused.class,
                    () -> submitted("2025-03-03").requestCorrection(OFFICER, " ", at("2025-03-04")));

            assertThat(refused.kind()).isEqualTo(ActionRefused.Kind.INVALID);
            assertThat(refused.field()).isEqualTo("reason");
        }

        @Test
        void withdrawingWhileACorrectionIsOutstandingStopsThePausedClock() {
            var withdrawn = submitted("2025-03-03")
                    .requestCorrection(OFFICER, "Missing", at("2025-03-04"))
                    .withdraw(APPLICANT_A, "We will apply next year", at("2025-03-10"));

            assertThat(withdrawn.status()).isEqualTo(ApplicationStatus.WITHDRAWN);
            assertThat(withdrawn.acceptanceClock().stopped()).isTrue();
        }
    }

    @Nested
    class Clocks {

        @Test
        void acceptanceIsDueFiveWorkingDaysAfterSubmissionAcrossSpringFestival() {
            // Submitted Friday 24 January 2025: Sunday 26 January is a make-up working day, 28 January to
            // 4 February the holiday, so five working days end on 7 February.
            var a = submitted("2025-01-24");

            assertThat(a.acceptanceClock().due(CALENDAR)).contains(LocalDate.parse("2025-02-07"));
        }

        @Test
        void aCorrectionPausesTheAcceptanceClockAndResubmissionResumesIt() {
            var paused = submitted("2025-03-03").requestCorrection(OFFICER, "Missing", at("2025-03-04"));
            assertThat(paused.acceptanceClock().stateOn(LocalDate.parse("2025-03-10"), CALENDAR))
                    .isInstanceOf(ClockState.Paused.class);

            var resumed = paused.resubmit(APPLICANT_A, snapshot("2025-03-10"), at("2025-03-10"));
            var due = resumed.acceptanceClock().due(CALENDAR).orElseThrow();
            // Without the pause it would have been due on Monday 10 March.
            assertThat(due).isAfter(LocalDate.parse("2025-03-10"));
        }

        @Test
        void acceptanceStartsTheDecisionClockAndAnApproverMayExtendIt() {
            var accepted = submitted("2025-03-03").accept(OFFICER, SIXTY_WORKING, at("2025-03-04"));
            var due = accepted.decisionClock().due(CALENDAR).orElseThrow();

            var extended =
                    accepted.extendDecision(APPROVER, 10, "Expert opinion on the IDC's location", at("2025-04-01"));

            assertThat(extended.decisionClock().due(CALENDAR).orElseThrow()).isAfter(due);
            assertThat(extended.decisionClock().extensions()).hasSize(1);
            assertThat(catchThrowableOfType(
                                    ActionRefused.class,
                                    () -> accepted.extendDecision(OFFICER, 10, "x", at("2025-04-01")))
                            .kind())
                    .isEqualTo(ActionRefused.Kind.FORBIDDEN);
        }
    }

    @Test
    void theStoredFormReadsBackEqual() {
        var a = submitted("2025-03-03")
                .requestCorrection(OFFICER, "Missing", at("2025-03-04"))
                .resubmit(APPLICANT_A, snapshot("2025-03-06"), at("2025-03-06"))
                .accept(OFFICER, SIXTY_WORKING, at("2025-03-07"))
                .extendDecision(APPROVER, 5, "Reason", at("2025-03-08"))
                .saved(7);

        var read = ApplicationJson.read(ApplicationJson.write(a));

        assertThat(read).isEqualTo(a);
    }
}
