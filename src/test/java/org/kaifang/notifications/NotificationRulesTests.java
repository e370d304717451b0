package org.kaifang.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaifang.applications.ApplicationStatus.ACCEPTED;
import static org.kaifang.applications.ApplicationStatus.APPROVED;
import static org.kaifang.applications.ApplicationStatus.CORRECTION_REQUESTED;
import static org.kaifang.applications.ApplicationStatus.DRAFT;
import static org.kaifang.applications.ApplicationStatus.RECOMMENDED;
import static org.kaifang.applications.ApplicationStatus.REFUSED;
import static org.kaifang.applications.ApplicationStatus.SUBMITTED;
import static org.kaifang.applications.ApplicationStatus.UNDER_REVIEW;
import static org.kaifang.applications.ApplicationStatus.WITHDRAWN;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.kaifang.accounts.Role;
import org.kaifang.applications.ApplicationChanged;
import org.kaifang.applications.ApplicationId;
import org.kaifang.applications.ApplicationStatus;
import org.kaifang.applications.ApplicationType;

/** Who is told what on each transition of an application. */
class NotificationRulesTests {

    static final ApplicationId ID = ApplicationId.parse("0b7c5e0e-3a52-4a8e-9b1c-2f6a1d0c9e11");
    static final String COMPANY = "5f0c3f56-8c9a-4a57-b2c4-6b4f1c7b8e01";
    static final Bilingual NAME = new Bilingual("临港云数据有限公司", "Lingang Cloud Data Co., Ltd.");

    static ApplicationChanged event(
            String action, ApplicationStatus from, ApplicationStatus to, @Nullable String reason) {
        return new ApplicationChanged(
                ID,
                3,
                ApplicationType.NEW_LICENCE,
                COMPANY,
                action,
                from,
                to,
                "user-who-acted",
                "someone",
                Instant.parse("2025-06-10T02:00:00Z"),
                reason);
    }

    static Notice notice(String action, ApplicationStatus from, ApplicationStatus to, @Nullable String reason) {
        return NotificationRules.notice(event(action, from, to, reason), NAME).orElseThrow();
    }

    @Test
    void caseOfficersAreToldOfANewApplication() {
        var notice = notice("submit", DRAFT, SUBMITTED, null);

        assertThat(notice.topic()).isEqualTo(Topic.SUBMITTED);
        assertThat(notice.audience()).isEqualTo(new Audience.RegulatorStaff(Role.CASE_OFFICER));
        assertThat(notice.subject().en()).isEqualTo("New application from Lingang Cloud Data Co., Ltd.");
        assertThat(notice.subject().zh()).isEqualTo("新申请：临港云数据有限公司");
        assertThat(notice.body().en()).contains("application for a new licence");
        assertThat(notice.body().zh()).contains("新办许可");
        assertThat(notice.link()).isEqualTo("/applications/" + ID);
    }

    @Test
    void caseOfficersAreToldOfAResubmission() {
        var notice = notice("resubmit", CORRECTION_REQUESTED, SUBMITTED, null);

        assertThat(notice.topic()).isEqualTo(Topic.RESUBMITTED);
        assertThat(notice.audience()).isEqualTo(new Audience.RegulatorStaff(Role.CASE_OFFICER));
        assertThat(notice.body().en()).contains("acceptance clock runs again");
    }

    @Test
    void theApplicantIsToldOfACorrectionRequestWithTheReason() {
        var notice = notice("request-correction", SUBMITTED, CORRECTION_REQUESTED, "The IDC site lease is missing.");

        assertThat(notice.topic()).isEqualTo(Topic.CORRECTION_REQUESTED);
        assertThat(notice.audience()).isEqualTo(new Audience.ApplicantOrganisation(COMPANY));
        assertThat(notice.body().en())
                .contains(": The IDC site lease is missing. The acceptance clock is paused until you resubmit.");
        assertThat(notice.body().zh()).contains("The IDC site lease is missing。受理期限暂停计算");
    }

    @Test
    void theApplicantIsToldOfAcceptance() {
        var notice = notice("accept", SUBMITTED, ACCEPTED, null);

        assertThat(notice.topic()).isEqualTo(Topic.ACCEPTED);
        assertThat(notice.audience()).isEqualTo(new Audience.ApplicantOrganisation(COMPANY));
        assertThat(notice.subject().zh()).isEqualTo("您的申请已受理");
    }

    @Test
    void theApplicantIsToldWhenTheDecisionPeriodIsExtended() {
        var notice = notice("extend-20", UNDER_REVIEW, UNDER_REVIEW, "Site inspection needed");

        assertThat(notice.topic()).isEqualTo(Topic.DECISION_EXTENDED);
        assertThat(notice.audience()).isEqualTo(new Audience.ApplicantOrganisation(COMPANY));
        assertThat(notice.body().en()).contains("extended by 20 days. Reason: Site inspection needed");
        assertThat(notice.body().zh()).contains("延长20日").contains("延期理由：Site inspection needed。");
    }

    @Test
    void approversAreToldOfARecommendation() {
        var notice = notice("recommend-refuse", UNDER_REVIEW, RECOMMENDED, "Capital below the minimum");

        assertThat(notice.topic()).isEqualTo(Topic.RECOMMENDED);
        assertThat(notice.audience()).isEqualTo(new Audience.RegulatorStaff(Role.APPROVER));
        assertThat(notice.body().en()).contains("recommends refusing").contains("someone other than the officer");
        assertThat(notice.body().zh()).contains("建议不予许可");
        assertThat(notice("recommend-approve", UNDER_REVIEW, RECOMMENDED, "Complete")
                        .body()
                        .en())
                .contains("recommends approving");
    }

    @Test
    void theApplicantIsToldTheDecisionAndOnARefusalItsRemedies() {
        var approved = notice("decide-approve", RECOMMENDED, APPROVED, "All conditions met");
        var refused = notice("decide-refuse", RECOMMENDED, REFUSED, "Capital below the minimum");

        assertThat(approved.topic()).isEqualTo(Topic.APPROVED);
        assertThat(approved.audience()).isEqualTo(new Audience.ApplicantOrganisation(COMPANY));
        assertThat(refused.topic()).isEqualTo(Topic.REFUSED);
        assertThat(refused.audience()).isEqualTo(new Audience.ApplicantOrganisation(COMPANY));
        assertThat(refused.body().en())
                .contains("Reason: Capital below the minimum")
                .contains("administrative reconsideration");
        assertThat(refused.body().zh()).contains("行政复议").contains("行政诉讼");
    }

    @Test
    void officersAreToldOfAWithdrawalFromTheirQueueButNotOfADraftWithdrawn() {
        var notice = notice("withdraw", SUBMITTED, WITHDRAWN, "We restructure first");

        assertThat(notice.topic()).isEqualTo(Topic.WITHDRAWN);
        assertThat(notice.audience()).isEqualTo(new Audience.RegulatorStaff(Role.CASE_OFFICER));
        assertThat(notice.body().en()).endsWith("Reason: We restructure first");
        assertThat(NotificationRules.notice(event("withdraw", DRAFT, WITHDRAWN, "Mistake"), NAME))
                .isEmpty();
    }

    @Test
    void draftsRevisionsAndTheStartOfAReviewTellNobody() {
        assertThat(NotificationRules.notice(event("create", DRAFT, DRAFT, null), NAME))
                .isEmpty();
        assertThat(NotificationRules.notice(event("revise", DRAFT, DRAFT, null), NAME))
                .isEmpty();
        assertThat(NotificationRules.notice(event("start-review", ACCEPTED, UNDER_REVIEW, null), NAME))
                .isEmpty();
    }

    @Test
    void theRetryWaitDoublesUpToItsCap() {
        var settings = NotificationSettings.defaults();

        assertThat(settings.backoff(1)).hasMinutes(1);
        assertThat(settings.backoff(2)).hasMinutes(2);
        assertThat(settings.backoff(3)).hasMinutes(4);
        assertThat(settings.backoff(50)).hasHours(6);
    }
}
