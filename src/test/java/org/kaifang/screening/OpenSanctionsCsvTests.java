package org.kaifang.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class OpenSanctionsCsvTests {

    /** OpenSanctions' research file, beside the project (CC BY-NC: read here, never copied into the repository). */
    static final Path SHARED = Path.of("../shared/data/opensanctions-cn/sanctions.csv");

    static final String HEADER =
            "Type,QID,Name,Alias,Chinese name,Country,Topics,Summary,Chinese summary,Body,List,Date,End date,Source URL\n";

    static ImportedList read(String rows) {
        return OpenSanctionsCsv.read("test.csv", (HEADER + rows).getBytes(StandardCharsets.UTF_8), "test");
    }

    @Test
    void findsEveryEntryOfTheRealFileByItsOwnLatinAndChineseNames() throws IOException {
        Assumptions.assumeTrue(
                Files.isRegularFile(SHARED), "Skipped: " + SHARED.toAbsolutePath() + " is absent (needs ../shared)");
        var imported = OpenSanctionsCsv.read("sanctions.csv", Files.readAllBytes(SHARED), "0f57a31");
        var screening = new Screening(imported.list(), Thresholds.DEFAULT);
        var asOf = LocalDate.of(2030, 1, 1);

        var missed = new ArrayList<String>();
        var checked = 0;
        for (var entry : imported.list().entries()) {
            for (var name : entry.names()) {
                checked++;
                var hits = screening.screen(Party.named(name.text()), asOf).hits();
                if (hits.stream().noneMatch(h -> h.entry().equals(entry) && h.score() == 1.0)) {
                    missed.add(name.text());
                }
            }
        }

        assertThat(missed).isEmpty();
        assertThat(imported.list().entries()).hasSizeGreaterThan(200);
        assertThat(checked).isGreaterThan(400);
    }

    @Test
    void readsTheRealFileWithItsQuirksAsWarnings() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(SHARED), "Skipped: " + SHARED + " is absent");
        var imported = OpenSanctionsCsv.read("sanctions.csv", Files.readAllBytes(SHARED), "0f57a31");

        var listings = imported.list().entries().stream()
                .flatMap(e -> e.listings().stream())
                .toList();
        assertThat(listings).hasSize(330);
        assertThat(imported.warnings()).anyMatch(w -> w.contains("no Date"));
        // The first rows say 12.02.19 but cite a notice of 2019-12-02.
        assertThat(imported.warnings()).anyMatch(w -> w.contains("day and month swapped"));
        assertThat(listings).anyMatch(l -> l.list() == RestrictedList.EXPORT_CONTROL_WATCH);
    }

    @Test
    void groupsRowsOfOneEntityAndReadsDayFirstDates() {
        var imported = read("""
                Company,,Lockheed Martin Corporation,,洛克希德·马丁公司,US,sanction.counter,,,Ministry of Commerce,UEL,16.02.23,,http://www.mofcom.gov.cn/a.shtml
                Company,,Lockheed Martin Corporation,LMT,,US,sanction.counter,,,Ministry of Foreign Affairs,AFSL,"26.2.2026",,https://www.mfa.gov.cn/b.html
                Company,,Skyla,,天亮医疗,TW,sanction.counter,,,,,03.08.22,13.07.23,https://www.gwytb.gov.cn/c.htm
                """);

        var entries = imported.list().entries();
        assertThat(entries).hasSize(2);
        var lockheed = entries.getFirst();
        assertThat(lockheed.names())
                .extracting(EntryName::text)
                .containsExactly("Lockheed Martin Corporation", "洛克希德·马丁公司", "LMT");
        assertThat(lockheed.listings())
                .extracting(Listing::list, Listing::date)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(RestrictedList.UEL, LocalDate.of(2023, 2, 16)),
                        org.assertj.core.groups.Tuple.tuple(RestrictedList.COUNTERMEASURE, LocalDate.of(2026, 2, 26)));
        var skyla = entries.get(1).listings().getFirst();
        assertThat(skyla.list()).isEqualTo(RestrictedList.COUNTERMEASURE);
        assertThat(skyla.statusOn(LocalDate.of(2023, 7, 12))).isEqualTo(ListingStatus.ACTIVE);
        assertThat(skyla.statusOn(LocalDate.of(2023, 7, 13))).isEqualTo(ListingStatus.ENDED);
        assertThat(imported.list().ref().digest()).startsWith("sha256:");
    }

    @Test
    void namesTheRowAndFieldOfABadDate() {
        assertThatThrownBy(() -> read("""
                        Company,,Good Co,,,US,sanction.counter,,,,UEL,16.02.23,,https://a.example/x
                        Company,,Bad Co,,,US,sanction.counter,,,,UEL,31.02.2023,,https://a.example/y
                        """))
                .isInstanceOf(ListImportProblem.class)
                .hasMessageContaining("row 3")
                .hasMessageContaining("field 'Date'")
                .satisfies(e -> assertThat(((ListImportProblem) e).row()).isEqualTo(3));
    }

    @Test
    void namesTheRowAndFieldOfAnUnknownTypeOrList() {
        assertThatThrownBy(() -> read("Vessel,,Ever Given,,,PA,sanction.counter,,,,UEL,16.02.23,,https://a.example/\n"))
                .hasMessageContaining("row 2, field 'Type'");
        assertThatThrownBy(() -> read("Company,,X,,,US,sanction.counter,,,,Entity List,16.02.23,,https://a.example/\n"))
                .hasMessageContaining("row 2, field 'List'");
        assertThatThrownBy(() -> read("Company,,,,,US,sanction.counter,,,,UEL,16.02.23,,https://a.example/\n"))
                .hasMessageContaining("row 2, field 'Name'");
    }

    @Test
    void namesAMissingColumn() {
        assertThatThrownBy(() -> OpenSanctionsCsv.read(
                        "x.csv", "Type,Name,List,Topics,Source URL\n".getBytes(StandardCharsets.UTF_8), "v"))
                .isInstanceOf(ListImportProblem.class)
                .hasMessage("x.csv, row 1, field 'Date': missing column");
    }

    @Test
    void rejectsAnAddressThatIsNotAWebAddress() {
        assertThatThrownBy(() -> read("Company,,X,,,US,sanction.counter,,,,UEL,16.02.23,,file:///etc/passwd\n"))
                .hasMessageContaining("row 2, field 'Source URL'");
    }
}
