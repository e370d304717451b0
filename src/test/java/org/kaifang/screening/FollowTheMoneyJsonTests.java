package org.kaifang.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FollowTheMoneyJsonTests {

    static ImportedList read(String lines) {
        return FollowTheMoneyJson.read("test.ftm.json", lines.getBytes(StandardCharsets.UTF_8), "t1");
    }

    static final String LOCKHEED = """
            {"id":"lm","schema":"Company","properties":{"name":["Lockheed Martin Corporation"],"alias":["洛克希德·马丁公司"],"country":["us"]}}
            {"id":"lm-uel","schema":"Sanction","properties":{"entity":["lm"],"program":["Unreliable Entity List"],"programId":["CN-UEL"],"startDate":["2023-02-16"],"sourceUrl":["http://www.mofcom.gov.cn/x.shtml"],"authority":["Ministry of Commerce"]}}
            {"id":"sk","schema":"Company","properties":{"name":["Skyla"]}}
            {"id":"sk-cml","schema":"Sanction","properties":{"entity":["sk"],"programId":["CN-CML"],"startDate":["2022-08"],"endDate":["2023-07-13"]}}
            {"id":"addr","schema":"Address","properties":{"full":["Bethesda"]}}
            {"id":"nobody","schema":"Person","properties":{"name":["Not Sanctioned"]}}
            """;

    @Test
    void readsEntitiesWithTheirSanctionsAsListings() {
        var imported = read(LOCKHEED);

        var entries = imported.list().entries();
        assertThat(entries).extracting(ListEntry::id).containsExactly("lm", "sk");
        var lockheed = entries.getFirst();
        assertThat(lockheed.names())
                .extracting(EntryName::text)
                .containsExactly("Lockheed Martin Corporation", "洛克希德·马丁公司");
        assertThat(lockheed.listings().getFirst().list()).isEqualTo(RestrictedList.UEL);
        assertThat(lockheed.listings().getFirst().date()).isEqualTo(LocalDate.of(2023, 2, 16));
        var skyla = entries.get(1).listings().getFirst();
        assertThat(skyla.list()).isEqualTo(RestrictedList.COUNTERMEASURE);
        assertThat(skyla.date()).isEqualTo(LocalDate.of(2022, 8, 1));
        assertThat(skyla.statusOn(LocalDate.of(2023, 7, 13))).isEqualTo(ListingStatus.ENDED);
        assertThat(imported.warnings()).singleElement().asString().contains("line 6", "nobody");
    }

    @Test
    void anImportedListCanBeScreenedInBothScripts() {
        var screening = new Screening(read(LOCKHEED).list(), Thresholds.DEFAULT);

        assertThat(screening
                        .screen(Party.named("Lockheed Martin Corp"), LocalDate.of(2025, 6, 1))
                        .outcome())
                .isEqualTo(Outcome.MATCH);
        assertThat(screening
                        .screen(Party.named("洛克希德马丁"), LocalDate.of(2025, 6, 1))
                        .outcome())
                .isEqualTo(Outcome.MATCH);
        assertThat(screening.list().id()).isEqualTo("ftm:test.ftm.json");
    }

    @Test
    void namesTheLineAndPropertyOfAProblem() {
        assertThatThrownBy(() -> read("{\"id\":\"a\",\"schema\":\"Company\",\"properties\":{\"name\":[\"A\"]}}\n{oops"))
                .isInstanceOf(ListImportProblem.class)
                .hasMessageStartingWith("test.ftm.json, row 2: not JSON");
        assertThatThrownBy(
                        () -> read(
                                "{\"id\":\"s\",\"schema\":\"Sanction\",\"properties\":{\"entity\":[\"a\"],\"programId\":[\"CN-UEL\"],\"startDate\":[\"16.02.2023\"]}}"))
                .hasMessageContaining("row 1, field 'properties.startDate'");
        assertThatThrownBy(
                        () -> read(
                                "{\"id\":\"s\",\"schema\":\"Sanction\",\"properties\":{\"entity\":[\"a\"],\"programId\":[\"US-OFAC\"],\"startDate\":[\"2023\"]}}"))
                .hasMessageContaining("field 'properties.program'");
        assertThatThrownBy(() -> read("{\"schema\":\"Company\"}")).hasMessageContaining("row 1, field 'id'");
    }
}
