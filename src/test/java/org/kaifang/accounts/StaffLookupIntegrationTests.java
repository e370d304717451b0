package org.kaifang.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.kaifang.testing.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The one-query lookups the notifier uses on every transition give what the walk they replace gave: every regulator
 * organisation by name, its members by username, those holding the role, each with all their roles.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {DemoLogins.DATABASE, DemoLogins.DEMO, DemoLogins.FIXED_PASSWORD})
class StaffLookupIntegrationTests {

    @Autowired
    Accounts accounts;

    @Test
    void regulatorStaffWithARoleAreThoseTheWalkOverEveryOrganisationFinds() {
        var regulator = accounts.organisationNamed("上海市通信管理局").orElseThrow();
        var both = accounts.add(new AddUser(
                "staff.lookup." + UUID.randomUUID().toString().substring(0, 8),
                "Two Roles",
                regulator.id(),
                Set.of(Role.CASE_OFFICER, Role.APPROVER),
                DemoLogins.PASSWORD));

        for (var role : Role.values()) {
            var walked = new ArrayList<UserAccount>();
            for (var organisation : accounts.organisations()) {
                if (organisation.isRegulator()) {
                    for (var user : accounts.members(organisation.id())) {
                        if (user.has(role)) {
                            walked.add(user);
                        }
                    }
                }
            }
            assertThat(accounts.regulatorStaff(role)).as(role.name()).containsExactlyElementsOf(walked);
        }
        assertThat(accounts.regulatorStaff(Role.CASE_OFFICER))
                .as("found with every role, not only the one asked for")
                .contains(both);
        assertThat(accounts.regulatorStaff(Role.CASE_OFFICER))
                .isNotEmpty()
                .allMatch(u ->
                        accounts.organisation(u.organisation()).orElseThrow().isRegulator());
    }

    @Test
    void membersComeWithAllTheirRolesAsEachUserIsFoundAlone() {
        for (var organisation : accounts.organisations()) {
            for (var member : accounts.members(organisation.id())) {
                assertThat(member).isEqualTo(accounts.user(member.id()).orElseThrow());
            }
        }
        assertThat(accounts.organisations().stream()
                        .mapToInt(o -> accounts.members(o.id()).size())
                        .sum())
                .isGreaterThan(3);
    }
}
