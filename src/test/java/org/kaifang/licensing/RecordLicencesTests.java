package org.kaifang.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.kaifang.licensing.LicenceFixtures.existing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kaifang.testing.Databases;
import org.kaifang.testing.Databases.Database;

/** Taking over licences issued outside Kaifang, on H2 and PostgreSQL (migration V9 on both). */
class RecordLicencesTests {

    static Stream<Database> databases() {
        return Databases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void recordedLicencesAreFoundByIdAndNumberWithTheirHistory(Database database) {
        var m = LicenceFixtures.module(database);
        var pilot = new ExistingLicence(
                LicenceKind.PILOT_APPROVAL,
                null,
                "某某云计算（北京）有限公司",
                "Example Cloud (Beijing) Co., Ltd.",
                "91110000MA00000000",
                null,
                null,
                "MIIT",
                true,
                true,
                "110000",
                List.of(new LicensedService("B11", "IRCS", List.of("110000"))),
                LocalDate.of(2025, 2, 26),
                LocalDate.of(2025, 2, 26),
                null,
                LicenceStatus.NORMAL,
                List.of("外资股比不设限制，限于试点地区内经营"),
                null,
                true,
                "https://example.org/news");

        var recorded = m.licences().record(List.of(existing("合字B2-20220031", "甲公司"), pilot), "u-registrar");

        assertThat(recorded).hasSize(2);
        var licence = recorded.getFirst();
        assertThat(licence.version()).isEqualTo(1);
        assertThat(m.licences().find(licence.id())).contains(licence);
        assertThat(m.licences().byNumber("合字B2-20220031")).contains(licence);
        assertThat(licence.registeredCapitalCny()).isEqualByComparingTo(new BigDecimal("10000000"));
        assertThat(m.licences().find(recorded.get(1).id())).contains(recorded.get(1));
        assertThat(recorded.get(1).number()).isNull();
        var history = m.licences().history(licence.id());
        assertThat(history).singleElement().satisfies(h -> {
            assertThat(h.change()).isEqualTo(LicenceChange.RECORDED);
            assertThat(h.actor()).isEqualTo("u-registrar");
            assertThat(h.licence()).isEqualTo(licence);
            assertThat(h.at()).isEqualTo(LicenceFixtures.AT);
        });
        assertThat(m.events())
                .hasSize(2)
                .allSatisfy(e -> assertThat(e)
                        .isInstanceOfSatisfying(
                                LicenceChanged.class,
                                c -> assertThat(c.change()).isEqualTo(LicenceChange.RECORDED)));
        assertThat(m.licences().byNumber("合字B2-20220032")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void duplicateNumbersAreRefusedAndNothingIsStored(Database database) {
        var m = LicenceFixtures.module(database);
        m.licences().record(List.of(existing("京B2-20200001", "甲公司")), "system");
        m.events().clear();

        assertThatThrownBy(() -> m.licences()
                        .record(
                                List.of(
                                        existing("京B2-20200002", "乙公司"),
                                        existing("京B2-20200001", "丙公司"),
                                        existing("京B2-20200002", "丁公司")),
                                "system"))
                .isInstanceOfSatisfying(LicenceRefused.class, e -> {
                    assertThat(e.kind()).isEqualTo(LicenceRefused.Kind.INVALID);
                    assertThat(e.problems())
                            .extracting(LicenceRefused.Problem::field, LicenceRefused.Problem::message)
                            .containsExactly(
                                    org.assertj.core.groups.Tuple.tuple(
                                            "licences[1].number", "is 京B2-20200001, recorded already"),
                                    org.assertj.core.groups.Tuple.tuple(
                                            "licences[2].number", "is 京B2-20200002, given already in licences[0]"));
                });
        assertThat(m.licences().byNumber("京B2-20200002")).isEmpty();
        assertThat(m.licences().count()).isEqualTo(1);
        assertThat(m.events()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void everyProblemOfABadEntryIsNamed(Database database) {
        var m = LicenceFixtures.module(database);
        var good = existing("B1-20200001", "甲公司");
        var bad = new ExistingLicence(
                LicenceKind.LICENCE,
                null,
                " ",
                null,
                "not-a-uscc",
                null,
                null,
                "MIIT",
                false,
                false,
                null,
                List.of(),
                good.issuedOn(),
                good.validFrom(),
                good.validFrom().minusDays(1),
                LicenceStatus.NORMAL,
                List.of(),
                null,
                false,
                null);

        assertThatThrownBy(() -> m.licences().record(List.of(good, bad), "system"))
                .isInstanceOfSatisfying(
                        LicenceRefused.class,
                        e -> assertThat(e.problems())
                                .extracting(LicenceRefused.Problem::field)
                                .containsExactly(
                                        "licences[1].holder",
                                        "licences[1].number",
                                        "licences[1].services",
                                        "licences[1].uscc",
                                        "licences[1].validUntil"));
        assertThat(m.licences().count()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRecordedNumberMovesKaifangsCounterPastIt(Database database) {
        var m = LicenceFixtures.module(database);

        m.licences().record(List.of(existing("合字B1.B2-20250145", "甲公司"), existing("合字B2-20250007", "乙公司")), "system");

        assertThat(m.counters().last("合字", 2025)).isEqualTo(145);
        assertThat(m.counters().last("合字", 2024)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aLargeRegisterIsRecordedInChunks(Database database) {
        var m = LicenceFixtures.module(database);
        var register = new ArrayList<ExistingLicence>();
        for (int i = 1; i <= 12_400; i++) {
            register.add(existing(String.format("B2-2019%05d", i), "公司" + i));
        }

        var recorded = m.licences().record(register, "system");

        assertThat(recorded).hasSize(12_400);
        assertThat(m.licences().count()).isEqualTo(12_400);
        assertThat(m.events()).hasSize(12_400);
        assertThat(m.licences().byNumber("B2-201912400"))
                .map(LicenceView::holder)
                .contains("公司12400");
        assertThat(m.counters().last("", 2019)).isEqualTo(12_400);
    }
}
