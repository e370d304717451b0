package org.kaifang.notifications;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.Role;
import org.kaifang.applications.ApplicationChanged;
import org.kaifang.applications.ApplicationStatus;
import org.kaifang.applications.ApplicationType;

/**
 * Who is told what when an application changes. The applicant's organisation hears when the regulator acts (a
 * correction requested, the application accepted, the decision period extended, a decision); the regulator's case
 * officers hear when an application arrives, comes back corrected or is withdrawn from their queue; approvers hear
 * when a recommendation waits for their decision. Drafts, revisions and the start of a review tell nobody. A pure
 * function: the caller resolves the audience to users and leaves out the user who acted.
 */
final class NotificationRules {

    private NotificationRules() {}

    /**
     * The notice {@code event} gives, if any.
     *
     * @param applicant the applying organisation's name, in both languages
     */
    static Optional<Notice> notice(ApplicationChanged event, Bilingual applicant) {
        var from = event.from();
        var to = event.to();
        var company = new Audience.ApplicantOrganisation(event.applicant());
        var officers = new Audience.RegulatorStaff(Role.CASE_OFFICER);
        var type = type(event.type());
        var reason = event.reason();
        if (to == ApplicationStatus.SUBMITTED && from == ApplicationStatus.DRAFT) {
            return notice(
                    event,
                    Topic.SUBMITTED,
                    officers,
                    new Bilingual("新申请：" + applicant.zh(), "New application from " + applicant.en()),
                    new Bilingual(
                            applicant.zh() + "提交了" + type.zh() + "申请。请在受理期限内受理或一次性告知需要补正的全部内容。",
                            applicant.en() + " submitted an application for a " + lower(type.en())
                                    + ". Accept it, or ask for every correction it needs, within the acceptance period."));
        }
        if (to == ApplicationStatus.SUBMITTED && from == ApplicationStatus.CORRECTION_REQUESTED) {
            return notice(
                    event,
                    Topic.RESUBMITTED,
                    officers,
                    new Bilingual("补正后的申请：" + applicant.zh(), "Corrected application from " + applicant.en()),
                    new Bilingual(
                            applicant.zh() + "已按补正要求重新提交" + type.zh() + "申请，受理期限恢复计算。",
                            applicant.en() + " resubmitted its application for a " + lower(type.en())
                                    + " with the corrections asked for; the acceptance clock runs again."));
        }
        if (to == ApplicationStatus.WITHDRAWN && from != ApplicationStatus.DRAFT) {
            return notice(
                    event,
                    Topic.WITHDRAWN,
                    officers,
                    new Bilingual("申请已撤回：" + applicant.zh(), "Application withdrawn by " + applicant.en()),
                    new Bilingual(
                            applicant.zh() + "撤回了" + type.zh() + "申请。" + because("撤回理由：", reason, "。"),
                            applicant.en() + " withdrew its application for a " + lower(type.en()) + "."
                                    + because(" Reason: ", reason, "")));
        }
        if (to == ApplicationStatus.CORRECTION_REQUESTED) {
            return notice(
                    event,
                    Topic.CORRECTION_REQUESTED,
                    company,
                    new Bilingual("您的申请需要补正", "Your application needs a correction"),
                    new Bilingual(
                            "监管机构要求补正您的" + type.zh() + "申请：" + text(reason) + "。受理期限暂停计算，直至您重新提交。",
                            "The regulator asks for a correction to your application for a " + lower(type.en()) + ": "
                                    + text(reason) + ". The acceptance clock is paused until you resubmit."));
        }
        if (to == ApplicationStatus.ACCEPTED && from == ApplicationStatus.SUBMITTED) {
            return notice(
                    event,
                    Topic.ACCEPTED,
                    company,
                    new Bilingual("您的申请已受理", "Your application has been accepted"),
                    new Bilingual(
                            "监管机构已受理您的" + type.zh() + "申请，审查决定期限自受理之日起计算。",
                            "The regulator accepted your application for a " + lower(type.en())
                                    + "; the decision period runs from the day of acceptance."));
        }
        if (event.action().startsWith("extend-")) {
            var days = event.action().substring("extend-".length());
            return notice(
                    event,
                    Topic.DECISION_EXTENDED,
                    company,
                    new Bilingual("您的申请审查期限已延长", "The decision period for your application was extended"),
                    new Bilingual(
                            "您的" + type.zh() + "申请的审查决定期限延长" + days + "日。" + because("延期理由：", reason, "。"),
                            "The decision period for your application for a " + lower(type.en()) + " was extended by "
                                    + days + " days." + because(" Reason: ", reason, "")));
        }
        if (to == ApplicationStatus.RECOMMENDED) {
            var approve = event.action().endsWith("approve");
            return notice(
                    event,
                    Topic.RECOMMENDED,
                    new Audience.RegulatorStaff(Role.APPROVER),
                    new Bilingual("待您决定：" + applicant.zh(), "Awaiting your decision: " + applicant.en()),
                    new Bilingual(
                            "经办人员建议" + (approve ? "准予" : "不予") + "许可" + applicant.zh() + "的" + type.zh() + "申请。"
                                    + because("理由：", reason, "。") + "请另一位审批人员作出决定。",
                            "A case officer recommends " + (approve ? "approving" : "refusing") + " the application of "
                                    + applicant.en() + " for a " + lower(type.en()) + "."
                                    + because(" Reason: ", reason, "")
                                    + " It needs a decision by someone other than the officer who recommended it."));
        }
        if (to == ApplicationStatus.APPROVED) {
            return notice(
                    event,
                    Topic.APPROVED,
                    company,
                    new Bilingual("您的申请已获批准", "Your application has been approved"),
                    new Bilingual(
                            "监管机构准予您的" + type.zh() + "申请。" + because("理由：", reason, "。"),
                            "The regulator approved your application for a " + lower(type.en()) + "."
                                    + because(" Reason: ", reason, "")));
        }
        if (to == ApplicationStatus.REFUSED) {
            return notice(
                    event,
                    Topic.REFUSED,
                    company,
                    new Bilingual("您的申请未获批准", "Your application has been refused"),
                    new Bilingual(
                            "监管机构不予批准您的" + type.zh() + "申请。" + because("理由：", reason, "。") + "您有权依法申请行政复议或者提起行政诉讼。",
                            "The regulator refused your application for a " + lower(type.en()) + "."
                                    + because(" Reason: ", reason, "")
                                    + " You have the right to apply for administrative reconsideration or to bring an"
                                    + " administrative lawsuit."));
        }
        return Optional.empty();
    }

    private static Optional<Notice> notice(
            ApplicationChanged event, Topic topic, Audience audience, Bilingual subject, Bilingual body) {
        return Optional.of(new Notice(topic, audience, event.application(), subject, body));
    }

    static Bilingual type(ApplicationType type) {
        return switch (type) {
            case NEW_LICENCE -> new Bilingual("新办许可", "New licence");
            case PILOT_APPROVAL -> new Bilingual("试点批复", "Pilot approval");
            case CHANGE -> new Bilingual("变更", "Change");
            case RENEWAL -> new Bilingual("续期", "Renewal");
        };
    }

    private static String lower(String text) {
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String text(@Nullable String reason) {
        return reason == null || reason.isBlank() ? "—" : stripEnd(reason.strip());
    }

    private static String because(String label, @Nullable String reason, String end) {
        return reason == null || reason.isBlank() ? "" : label + stripEnd(reason.strip()) + end;
    }

    /** A reason ends where the sentence around it puts its own full stop. */
    private static String stripEnd(String reason) {
        var end = reason.length();
        while (end > 0 && ".。".indexOf(reason.charAt(end - 1)) >= 0) {
            end--;
        }
        return reason.substring(0, end);
    }
}
