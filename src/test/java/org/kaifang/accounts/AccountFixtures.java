package org.kaifang.accounts;

import java.util.Set;

/** Organisations and user requests for tests, built through the domain's own types. */
final class AccountFixtures {

    static final String PASSWORD = "correct horse battery";

    private AccountFixtures() {}

    static Organisation company() {
        return new Organisation(
                OrganisationId.random(), "临港云数据有限公司", "Lingang Cloud Data Co., Ltd.", OrganisationKind.COMPANY, null);
    }

    static Organisation regulator() {
        return new Organisation(
                OrganisationId.random(),
                "上海市通信管理局",
                "Shanghai Communications Administration",
                OrganisationKind.REGULATOR,
                null);
    }

    static AddUser applicant(Organisation company) {
        return new AddUser("applicant.a", "王芳 Wang Fang", company.id(), Set.of(Role.APPLICANT), PASSWORD);
    }

    static AddUser officer(Organisation regulator) {
        return new AddUser("officer", "张伟 Zhang Wei", regulator.id(), Set.of(Role.CASE_OFFICER), PASSWORD);
    }
}
