package org.kaifang.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What makes an organisation acceptable, and its credit code. */
class RegisterOrganisationTests {

    @Test
    void aCompanyWithAValidCreditCodeIsAcceptable() {
        var request = new RegisterOrganisation(
                "临港云数据有限公司", "Lingang Cloud Data Co., Ltd.", OrganisationKind.COMPANY, "91310115ma1k4lxq26");

        assertThat(request.problems()).isEmpty();
        assertThat(new Uscc("91310115ma1k4lxq26").value()).isEqualTo("91310115MA1K4LXQ26");
    }

    @Test
    void listsEveryProblemAtOnce() {
        assertThat(new RegisterOrganisation(" ", "x".repeat(201), OrganisationKind.COMPANY, "91310115MA1K4LXQ27")
                        .problems())
                .containsExactly(
                        "Name must not be blank",
                        "English name must have at most 200 characters, not 201",
                        "USCC '91310115MA1K4LXQ27' ends in '7' but its check character is '6'");
        assertThat(new RegisterOrganisation("上海市通信管理局", null, OrganisationKind.REGULATOR, "91310115MA1K4LXQ26")
                        .problems())
                .containsExactly("A regulator has no USCC here: leave it out");
    }

    @Test
    void aCreditCodeHasEighteenCharactersFromItsAlphabet() {
        assertThat(Uscc.problem("9131")).isEqualTo("must have 18 characters, not 4");
        assertThat(Uscc.problem("91310115MA1K4LXQ2I"))
                .isEqualTo("has 'I' at position 18: use digits and capital letters other than I, O, S, V and Z");
        assertThatThrownBy(() -> new Uscc("91310115MA1K4LXQ27"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("check character is '6'");
    }

    @Test
    void anOrganisationIsNamedInThePageLanguageWhenItHasAnEnglishName() {
        var organisation = AccountFixtures.regulator();

        assertThat(organisation.nameIn("en")).isEqualTo("Shanghai Communications Administration");
        assertThat(organisation.nameIn("zh")).isEqualTo("上海市通信管理局");
        assertThat(new Organisation(OrganisationId.random(), "某公司", null, OrganisationKind.COMPANY, null).nameIn("en"))
                .isEqualTo("某公司");
    }
}
