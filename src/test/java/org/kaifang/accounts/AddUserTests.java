package org.kaifang.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kaifang.accounts.AccountFixtures.PASSWORD;
import static org.kaifang.accounts.AccountFixtures.company;
import static org.kaifang.accounts.AccountFixtures.regulator;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** What makes a user acceptable, and the messages that say why one is not. */
class AddUserTests {

    @Test
    void anApplicantOfACompanyAndAnOfficerOfTheRegulatorAreAcceptable() {
        assertThat(AccountFixtures.applicant(company()).problems(company())).isEmpty();
        var regulator = regulator();
        var both =
                new AddUser("reviewer", "Reviewer", regulator.id(), Set.of(Role.CASE_OFFICER, Role.APPROVER), PASSWORD);
        assertThat(both.problems(regulator)).isEmpty();
    }

    @Test
    void listsEveryProblemAtOnce() {
        var request = new AddUser("1x", " ", OrganisationId.random(), Set.of(), "short");

        assertThat(request.problems(null))
                .containsExactly(
                        "Username '1x' must have 3 to 64 characters, not 2",
                        "Display name must not be blank",
                        "No organisation has the id " + request.organisation(),
                        "A user needs at least one role: APPLICANT, CASE_OFFICER, APPROVER, REGISTRAR, ADMIN",
                        "Password must have at least 12 characters");
    }

    @Test
    void aRoleMustSuitTheOrganisation() {
        var company = company();
        var regulator = regulator();

        assertThat(new AddUser("insider", "Insider", company.id(), Set.of(Role.APPLICANT, Role.APPROVER), PASSWORD)
                        .problems(company))
                .containsExactly("Role APPROVER is for users of a regulator, and 临港云数据有限公司 is a company");
        assertThat(AccountFixtures.applicant(regulator).problems(regulator))
                .containsExactly("Role APPLICANT is for users of a company, and 上海市通信管理局 is a regulator");
    }

    @Test
    void aUsernameIsLowerCaseLettersDigitsAndPunctuationStartingWithALetter() {
        assertThat(new Username("  Applicant.A ").value()).isEqualTo("applicant.a");
        assertThat(Username.problem("wang_fang-2")).isNull();
        assertThat(Username.problem("王芳")).isEqualTo("must have 3 to 64 characters, not 2");
        assertThat(Username.problem("wang fang"))
                .isEqualTo("must start with a letter and contain only letters a-z, digits, '.', '_' and '-'");
        assertThat(Username.problem(".admin")).startsWith("must start with a letter");
        assertThat(Username.problem("a".repeat(65))).isEqualTo("must have 3 to 64 characters, not 65");
        assertThatThrownBy(() -> new Username("x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Username 'x' must have 3 to 64 characters, not 1");
    }

    @Test
    void aPasswordIsTwelveCharactersToSeventyTwoBytesWithoutTheUsernameAndNotACommonOne() {
        assertThat(AddUser.passwordProblem("a".repeat(12), "officer")).isEmpty();
        assertThat(AddUser.passwordProblem("a".repeat(11), "officer"))
                .contains("Password must have at least 12 characters");
        assertThat(AddUser.passwordProblem("密".repeat(25), "officer"))
                .as("75 bytes in UTF-8, which bcrypt would cut short")
                .contains("Password must have at most 72 bytes in UTF-8");
        assertThat(AddUser.passwordProblem("Applicant.Abc", "applicant.abc"))
                .contains("Password must not contain the username");
        assertThat(AddUser.passwordProblem("my name is Officer, hi", "officer"))
                .contains("Password must not contain the username");
        assertThat(AddUser.passwordProblem(" Password1234 ", "officer"))
                .contains("Password is one of the most common passwords: choose another");
        assertThat(AddUser.passwordProblem("1qaz2wsx3edc", "officer")).isPresent();
        assertThat(AddUser.passwordProblem("rain on the Huangpu at dusk", "officer"))
                .isEmpty();
        assertThat(CommonPasswords.contains("qwerty123456")).isTrue();
        assertThat(CommonPasswords.contains("# passwords of 12"))
                .as("notes are not passwords")
                .isFalse();
    }

    @Test
    void aDisplayNameIsAtMostAHundredCharactersWithoutControlCharacters() {
        var company = company();
        var longName = new AddUser("applicant.a", "名".repeat(101), company.id(), Set.of(Role.APPLICANT), PASSWORD);
        var controls = new AddUser("applicant.a", "Wang\u0007Fang", company.id(), Set.of(Role.APPLICANT), PASSWORD);

        assertThat(longName.problems(company))
                .containsExactly("Display name must have at most 100 characters, not 101");
        assertThat(controls.problems(company)).containsExactly("Display name must not contain control characters");
    }

    @Test
    void theRequestNeverShowsItsPassword() {
        assertThat(AccountFixtures.applicant(company()).toString()).doesNotContain(PASSWORD);
    }
}
