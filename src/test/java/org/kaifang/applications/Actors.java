package org.kaifang.applications;

import java.util.Set;
import org.kaifang.accounts.Role;

/** The people of the application tests: two applicant companies and the regulator's staff. */
final class Actors {

    static final String COMPANY_A = "org-a";
    static final String COMPANY_B = "org-b";
    static final String REGULATOR = "org-miit";

    static final Actor APPLICANT_A = new Actor("u-a", "applicant.a", "王芳", COMPANY_A, Set.of(Role.APPLICANT));
    static final Actor APPLICANT_B = new Actor("u-b", "applicant.b", "李雷", COMPANY_B, Set.of(Role.APPLICANT));
    static final Actor OFFICER = new Actor("u-o", "officer", "张伟", REGULATOR, Set.of(Role.CASE_OFFICER));
    static final Actor SECOND_OFFICER = new Actor("u-o2", "officer.two", "陈静", REGULATOR, Set.of(Role.CASE_OFFICER));
    static final Actor APPROVER = new Actor("u-p", "approver", "刘洋", REGULATOR, Set.of(Role.APPROVER));

    /** An officer who may also approve: four-eyes must still stop them approving their own recommendation. */
    static final Actor OFFICER_AND_APPROVER =
            new Actor("u-oa", "officer.approver", "赵敏", REGULATOR, Set.of(Role.CASE_OFFICER, Role.APPROVER));

    /** A regulator's officer who is (improbably) registered under the applicant's organisation. */
    static final Actor OFFICER_OF_A = new Actor("u-x", "insider", "内部人", COMPANY_A, Set.of(Role.CASE_OFFICER));

    private Actors() {}
}
