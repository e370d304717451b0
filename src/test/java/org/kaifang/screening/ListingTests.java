package org.kaifang.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ListingTests {

    static final Source SOURCE = new Source("test", URI.create("https://example.org/notice"), Confidence.V);

    static Announcement announcement(List<SuspensionWindow> suspensions, @Nullable Delisting ended) {
        return new Announcement(
                "a",
                RestrictedList.UEL,
                "不可靠实体清单工作机制公告〔2025〕7号",
                new Explanation("公告", "announcement"),
                LocalDate.of(2025, 4, 4),
                SOURCE,
                Set.of(Measure.NO_TRADE, Measure.NO_NEW_INVESTMENT),
                Confidence.V,
                suspensions,
                ended);
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void aListingIsNotYetThenActiveThenSuspendedThenActiveAgainThenEnded() {
        var listing = Listing.under(announcement(
                List.of(new SuspensionWindow(day("2025-05-14"), day("2025-08-12"), SOURCE)),
                new Delisting(day("2025-12-01"), SOURCE)));

        assertThat(listing.statusOn(day("2025-04-03"))).isEqualTo(ListingStatus.NOT_YET);
        assertThat(listing.statusOn(day("2025-04-04"))).isEqualTo(ListingStatus.ACTIVE);
        assertThat(listing.statusOn(day("2025-05-14"))).isEqualTo(ListingStatus.SUSPENDED);
        assertThat(listing.statusOn(day("2025-08-11"))).isEqualTo(ListingStatus.SUSPENDED);
        assertThat(listing.statusOn(day("2025-08-12"))).isEqualTo(ListingStatus.ACTIVE);
        assertThat(listing.statusOn(day("2025-12-01"))).isEqualTo(ListingStatus.ENDED);
    }

    @Test
    void anEndingInsideASuspensionWins() {
        // As for the 12 export-control listings of 2025-04-09: suspended on 2025-05-14, stopped on 2025-08-12.
        var listing = Listing.under(announcement(
                List.of(new SuspensionWindow(day("2025-05-14"), null, SOURCE)),
                new Delisting(day("2025-08-12"), SOURCE)));

        assertThat(listing.statusOn(day("2025-08-11"))).isEqualTo(ListingStatus.SUSPENDED);
        assertThat(listing.statusOn(day("2025-08-12"))).isEqualTo(ListingStatus.ENDED);
    }

    @Test
    void anEntryCanBeDelistedOnItsOwnBeforeItsAnnouncement() {
        var common = announcement(List.of(), new Delisting(day("2026-01-01"), SOURCE));
        var own = new Listing(common, List.of(), new Delisting(day("2025-06-01"), SOURCE));

        assertThat(own.statusOn(day("2025-06-01"))).isEqualTo(ListingStatus.ENDED);
        assertThat(Listing.under(common).statusOn(day("2025-06-01"))).isEqualTo(ListingStatus.ACTIVE);
    }

    @Test
    void aSuspensionMustEndAfterItStarts() {
        assertThatThrownBy(() -> new SuspensionWindow(day("2025-05-14"), day("2025-05-14"), SOURCE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBuiltInListCarriesTheBriefsFacts() {
        var list = BuiltInLists.load();

        var uel0304 = list.entries().stream()
                .filter(e -> e.id().equals("cubic-corporation"))
                .findFirst()
                .orElseThrow()
                .listings()
                .getFirst();
        assertThat(uel0304.measures()).containsExactlyInAnyOrder(Measure.NO_TRADE, Measure.NO_NEW_INVESTMENT);
        var export = list.entries().stream()
                .filter(e -> e.id().equals("leidos"))
                .findFirst()
                .orElseThrow()
                .listings()
                .getFirst();
        assertThat(export.list()).isEqualTo(RestrictedList.EXPORT_CONTROL);
        assertThat(export.measures()).containsExactly(Measure.NO_DUAL_USE_EXPORT);
        assertThat(list.entries())
                .filteredOn(e -> e.listings().stream()
                        .anyMatch(l -> l.announcement().id().equals("uel-2025-03-04")))
                .hasSize(10);
        assertThat(list.entries())
                .filteredOn(e -> e.listings().stream()
                        .anyMatch(l -> l.announcement().id().equals("ec-2025-03-04")))
                .hasSize(15);
        assertThat(list.entries())
                .filteredOn(e -> e.listings().stream()
                        .anyMatch(l -> l.announcement().id().equals("uel-2025-10-09")))
                .hasSize(14);
        assertThat(list.entries())
                .filteredOn(e -> e.listings().stream()
                        .anyMatch(l -> l.announcement().id().equals("uel-2025-04-04")))
                .hasSize(11);
        // Every announcement cites where it comes from.
        list.entries().stream()
                .flatMap(e -> e.listings().stream())
                .forEach(
                        l -> assertThat(l.announcement().source().description()).isNotBlank());
    }

    @Test
    void builtInFormatProblemsNameTheRowAndField() {
        var yaml = """
                id: t
                version: "1"
                announcements:
                  - {id: a, list: UEL, title: {zh: 甲, en: A}, date: 2025-13-01, source: s, confidence: V, measures: []}
                entries: []
                """;
        assertThatThrownBy(() -> BuiltInLists.read("t.yaml", yaml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ListImportProblem.class)
                .hasMessage("t.yaml, row 1, field 'date': not a date (YYYY-MM-DD): 2025-13-01");
        var unknownMeasure = yaml.replace("2025-13-01", "2025-01-01").replace("measures: []", "measures: [NO_FUN]");
        assertThatThrownBy(() -> BuiltInLists.read("t.yaml", unknownMeasure.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("row 1, field 'measures'");
    }
}
