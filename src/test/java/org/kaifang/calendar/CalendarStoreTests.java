package org.kaifang.calendar;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store: built-in years overlaid by the years imported into its directory. */
class CalendarStoreTests {

    @TempDir
    Path dir;

    @Test
    void withoutImportsItIsTheBuiltInCalendar() {
        var store = new CalendarStore(dir.resolve("absent"));
        assertThat(store.calendar().coveredYears()).containsExactlyElementsOf(CalendarTests.BUILT_IN_YEARS);
    }

    @Test
    void importsAYearAndKeepsItForTheNextStore() {
        var store = new CalendarStore(dir);

        var imported = store.importYear("2027.json", HolidayCnJsonTests.YEAR_2027);

        assertThat(imported.replaced()).isFalse();
        assertThat(imported.file()).isEqualTo(dir.resolve("2027.json"));
        assertThat(store.calendar().coveredYears())
                .endsWith(2024, 2025, 2026, 2027)
                .hasSize(CalendarTests.BUILT_IN_YEARS.size() + 1);
        var later = new CalendarStore(dir);
        assertThat(later.calendar().day(parse("2027-02-13")).kind()).isEqualTo(DayKind.ADJUSTED_WORKING_DAY);
        assertThat(later.calendar().years().getLast().source()).endsWith("2027.json");
        assertThat(store.importYear("again.json", HolidayCnJsonTests.YEAR_2027).replaced())
                .isTrue();
    }

    @Test
    void anImportedYearReplacesTheBuiltInOne() {
        var store = new CalendarStore(dir);
        store.importYear("2025.json", """
                {"year": 2025, "papers": [], "days": [{"name": "元旦", "date": "2025-01-01", "isOffDay": true}]}
                """);

        assertThat(store.calendar().day(parse("2025-01-28")).kind()).isEqualTo(DayKind.WEEKDAY);
        assertThat(CalendarTests.year(store.calendar(), 2025).source())
                .isEqualTo(dir.resolve("2025.json").toString());
    }

    @Test
    void aBadFileIsNotStored() {
        var store = new CalendarStore(dir);
        assertThatThrownBy(() -> store.importYear("bad.json", "{\"year\": 2027}"))
                .isInstanceOf(InvalidCalendarFile.class);
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void aDefectiveFileInTheDirectoryStopsTheStoreFromOpening() throws IOException {
        Files.writeString(dir.resolve("2027.json"), "{\"year\": 2028, \"papers\": [], \"days\": [{}]}");

        assertThatThrownBy(() -> new CalendarStore(dir))
                .isInstanceOfSatisfying(
                        InvalidCalendarFile.class,
                        e -> assertThat(e.problems())
                                .extracting(InvalidCalendarFile.Problem::location)
                                .allMatch(l ->
                                        l.startsWith(dir.resolve("2027.json").toString())));
    }
}
