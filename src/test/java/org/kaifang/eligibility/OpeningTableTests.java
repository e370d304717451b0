package org.kaifang.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kaifang.rules.Membership;
import org.kaifang.rules.RulePackFixtures;

class OpeningTableTests {

    private static final EligibilityEngine ENGINE = new EligibilityEngine(RulePackFixtures.bundledPack());
    private static final LocalDate AFTER_LAUNCH = LocalDate.of(2025, 3, 1);
    private static final LocalDate BEFORE_LAUNCH = LocalDate.of(2024, 10, 22);
    private static final List<String> PILOTS_WITHOUT_OTHER_RULES = List.of("CN-PILOT-BJ", "CN-PILOT-SH", "CN-PILOT-SZ");

    private static final OpeningTable.Table TABLE = OpeningTable.compute(ENGINE, AFTER_LAUNCH, null);

    private static OpeningTable.Row row(OpeningTable.Table table, String code, String item) {
        return table.rows().stream()
                .filter(r -> r.code().equals(code) && item.equals(r.item()))
                .findFirst()
                .orElseThrow();
    }

    private static OpeningTable.Cell cell(OpeningTable.Table table, String code, String item, String place) {
        var column =
                table.places().stream().map(OpeningTable.Place::id).toList().indexOf(place);
        assertThat(column).as("column %s", place).isNotNegative();
        return row(table, code, item).cells().get(column);
    }

    @Test
    void hasANationalColumnAndOneForEverySpecialArea() {
        assertThat(TABLE.places())
                .extracting(OpeningTable.Place::id)
                .containsExactly(
                        "CN", "CN-PILOT-BJ", "CN-PILOT-SH", "CN-PILOT-HI", "CN-PILOT-SZ", "CN-HAINAN-FTP", "CN-FTZ");
    }

    @Test
    void judgesTheNationalColumnFromASeatOutsideEverySpecialArea() {
        var national = TABLE.places().getFirst();

        for (var area : ENGINE.pack().areas()) {
            assertThat(area.membership(national.seat(), national.zones()))
                    .as(area.id())
                    .isEqualTo(Membership.OUTSIDE);
        }
    }

    @Test
    void hasARowForEveryValueAddedItem() {
        assertThat(TABLE.rows()).hasSize(21);
        assertThat(TABLE.rows()).allSatisfy(r -> assertThat(r.cells()).hasSameSizeAs(TABLE.places()));
    }

    @Test
    void showsCloudServicesCappedAndDoubtfulNationally() {
        var national = cell(TABLE, "B11", "IRCS", "CN");

        assertThat(national.label()).isEqualTo("≤50%?");
        assertThat(national.cap()).isEqualByComparingTo("50");
        assertThat(national.outcome()).isEqualTo(Outcome.REFER);
        assertThat(national.closed()).isFalse();
    }

    @Test
    void showsCloudServicesOpenOnConditionInTheShanghaiPilot() {
        var shanghai = cell(TABLE, "B11", "IRCS", "CN-PILOT-SH");

        assertThat(shanghai.label()).isEqualTo("100%*");
        assertThat(shanghai.cap()).isNull();
        assertThat(shanghai.outcome()).isEqualTo(Outcome.PERMITTED);
        assertThat(shanghai.decidedBy()).isEqualTo("pilot.vas-opening");
        assertThat(shanghai.conditional()).isTrue();
    }

    @Test
    void showsTheShenzhenPilotAsNeedingAnOfficer() {
        assertThat(cell(TABLE, "B21", "DATA_PROCESSING", "CN-PILOT-SZ").label()).isEqualTo("100%*?");
    }

    @Test
    void showsDomesticIpVpnCappedEverywhere() {
        for (var cell : row(TABLE, "B13", "IP_VPN").cells()) {
            assertThat(cell.cap()).isEqualByComparingTo("50");
            assertThat(cell.closed()).isFalse();
            assertThat(cell.label()).startsWith("≤50%");
        }
    }

    @Test
    void showsOperatingECommerceFullyOpenEverywhere() {
        assertThat(row(TABLE, "B21", "ECOMMERCE").cells())
                .allSatisfy(cell -> assertThat(cell.label()).isEqualTo("100%"));
    }

    @Test
    void showsSearchCappedEvenInThePilots() {
        assertThat(cell(TABLE, "B25", "SEARCH", "CN").label()).isEqualTo("≤50%");
        for (var pilot : PILOTS_WITHOUT_OTHER_RULES) {
            assertThat(cell(TABLE, "B25", "SEARCH", pilot).label()).as(pilot).isEqualTo("≤50%");
        }
    }

    @Test
    void showsTheNationalCapInThePilotColumnsBeforeTheLaunch() {
        var before = OpeningTable.compute(ENGINE, BEFORE_LAUNCH, null);

        for (var row : before.rows()) {
            var national = cell(before, row.code(), row.item(), "CN").label();
            for (var pilot : PILOTS_WITHOUT_OTHER_RULES) {
                assertThat(cell(before, row.code(), row.item(), pilot).label())
                        .as("%s/%s in %s", row.code(), row.item(), pilot)
                        .isEqualTo(national);
            }
        }
        assertThat(cell(before, "B11", "IRCS", "CN-PILOT-SH").label()).isEqualTo("≤50%?");
        assertThat(cell(before, "B21", "DATA_PROCESSING", "CN-PILOT-SH").label())
                .isEqualTo("≤50%");
    }

    @Test
    void showsHainansOwnOpeningOfTransactionProcessingBeforeThePilot() {
        var before = OpeningTable.compute(ENGINE, BEFORE_LAUNCH, null);

        assertThat(cell(before, "B21", "DATA_PROCESSING", "CN-HAINAN-FTP").label())
                .isEqualTo("100%");
    }

    @Test
    void agreesWithTheEngineForTheSameFacts() {
        var shanghai = TABLE.places().stream()
                .filter(p -> p.id().equals("CN-PILOT-SH"))
                .findFirst()
                .orElseThrow();
        var request = Requests.on("2025-03-01")
                .seat(shanghai.seat())
                .foreignEquity("100")
                .service(Requests.service("B12/CDN").coverage("310000").facilities(shanghai.seat()))
                .build();

        var service = ENGINE.determine(request).services().getFirst();
        var cell = cell(TABLE, "B12", "CDN", "CN-PILOT-SH");

        assertThat(cell.outcome()).isEqualTo(service.outcome());
        assertThat(cell.cap()).isEqualTo(service.foreignEquityCapPercent());
        assertThat(cell.decidedBy()).isEqualTo(service.decidedBy());
    }

    @Test
    void limitsTheTableToOneAreaWhenAsked() {
        var table = OpeningTable.compute(ENGINE, AFTER_LAUNCH, "CN-PILOT-SH");

        assertThat(table.places()).extracting(OpeningTable.Place::id).containsExactly("CN", "CN-PILOT-SH");
        assertThat(cell(table, "B11", "IRCS", "CN-PILOT-SH").label()).isEqualTo("100%*");
    }

    @Test
    void refusesAnUnknownArea() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OpeningTable.compute(ENGINE, AFTER_LAUNCH, "CN-PILOT-XX"))
                .withMessageContaining("CN-PILOT-SH");
    }

    @Test
    void labelsAClosedCellWithADash() {
        var closed = new OpeningTable.Cell(BigDecimal.ZERO, Outcome.NOT_PERMITTED, true, "x", false);

        assertThat(closed.label()).isEqualTo("—");
    }
}
