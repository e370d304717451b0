package org.kaifang.notifications;

/** What a notification is about. */
public enum Topic {
    /** To case officers: a new application waits for acceptance. */
    SUBMITTED,
    /** To case officers: a corrected application is back. */
    RESUBMITTED,
    /** To case officers: the applicant withdrew an application they had. */
    WITHDRAWN,
    /** To the applicant: the regulator asks for a correction; the acceptance clock is paused. */
    CORRECTION_REQUESTED,
    /** To the applicant: the application was accepted; the decision clock runs. */
    ACCEPTED,
    /** To the applicant: the decision period was extended, with the reason. */
    DECISION_EXTENDED,
    /** To approvers: a case officer's recommendation waits for a second person's decision. */
    RECOMMENDED,
    /** To the applicant: approved. */
    APPROVED,
    /** To the applicant: refused, with the reason and the remedies. */
    REFUSED
}
