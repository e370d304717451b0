package org.kaifang.applications;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An approved application's content, for the module that issues what it asked for (licensing).
 *
 * @param applicant the applicant organisation's id
 * @param request the request as submitted: a determination request in JSON (see eligibility's {@code RequestReader})
 * @param decidedOn the day of the approval, in China
 * @param approver the approving user's id
 */
public record ApprovedApplication(
        ApplicationId id,
        ApplicationType type,
        String applicant,
        String applicantName,
        String request,
        LocalDate decidedOn,
        Instant decidedAt,
        String approver,
        String approverName) {}
