package org.kaifang.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Licence numbers in the published formats (telecom-vas-brief §4.5). */
class LicenceNumberTests {

    @Test
    void categoriesAreJoinedInCatalogueOrderWhateverOrderTheServicesCameIn() {
        var categories = List.of("B2", "A2", "B1", "B2").stream().toList();

        assertThat(new LicenceNumber("", categories, 2020, 2637)).hasToString("A2.B1.B2-20202637");
        assertThat(new LicenceNumber("合字", List.of("B2", "B1"), 2025, 145)).hasToString("合字B1.B2-20250145");
        assertThat(new LicenceNumber("沪", List.of("B2"), 2019, 12)).hasToString("沪B2-20190012");
    }

    @Test
    void realNumbersAreReadBack() {
        assertThat(LicenceNumber.parse("合字A1.B1.B2-20180017"))
                .contains(new LicenceNumber("合字", List.of("A1", "B1", "B2"), 2018, 17));
        assertThat(LicenceNumber.parse("粤B2-20090059")).contains(new LicenceNumber("粤", List.of("B2"), 2009, 59));
        assertThat(LicenceNumber.parse("B2-20233776")).contains(new LicenceNumber("", List.of("B2"), 2023, 3776));
        assertThat(LicenceNumber.parse("试点B1-20250001")).contains(new LicenceNumber("试点", List.of("B1"), 2025, 1));
        assertThat(LicenceNumber.parse("京ICP证030173号")).isEmpty();
        assertThat(LicenceNumber.parse("B2-2009")).isEmpty();
    }

    @Test
    void aServiceCodeBelongsToItsCategory() {
        assertThat(LicenceNumber.category("B11")).isEqualTo("B1");
        assertThat(LicenceNumber.category("A24")).isEqualTo("A2");
        assertThatThrownBy(() -> new LicenceNumber("", List.of(), 2025, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LicenceNumber("", List.of("B1"), 2025, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
