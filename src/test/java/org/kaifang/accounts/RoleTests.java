package org.kaifang.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoleTests {

    @ParameterizedTest
    @ValueSource(strings = {"CASE_OFFICER", "case_officer", "case-officer", "Case Officer", " ROLE_CASE_OFFICER "})
    void parsesARoleWrittenAnyReasonableWay(String text) {
        assertThat(Role.parse(text)).isEqualTo(Role.CASE_OFFICER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"officer", "", "ROLE_", "approvers"})
    void anUnknownRoleIsRefusedWithTheRolesThatExist(String text) {
        assertThatThrownBy(() -> Role.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Unknown role '" + text + "': use one of APPLICANT, CASE_OFFICER, APPROVER, REGISTRAR, ADMIN");
    }

    @org.junit.jupiter.api.Test
    void eachRoleIsASpringSecurityAuthorityAndBelongsToOneKindOfOrganisation() {
        assertThat(Role.APPROVER.authority()).isEqualTo("ROLE_APPROVER");
        assertThat(Role.fromAuthority("ROLE_REGISTRAR")).contains(Role.REGISTRAR);
        assertThat(Role.fromAuthority("REGISTRAR")).isEmpty();
        assertThat(Role.APPLICANT.heldIn()).isEqualTo(OrganisationKind.COMPANY);
        assertThat(Role.values())
                .filteredOn(r -> r != Role.APPLICANT)
                .allSatisfy(r -> assertThat(r.heldIn()).isEqualTo(OrganisationKind.REGULATOR));
    }
}
