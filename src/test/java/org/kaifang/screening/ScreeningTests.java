package org.kaifang.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScreeningTests {

    static final Screening SCREENING = Screening.builtIn();
    static final LocalDate JUNE_2025 = LocalDate.of(2025, 6, 1);

    @Test
    void findsLockheedMartinByItsShortLegalForm() {
        var result = SCREENING.screen(Party.named("Lockheed Martin Corp"), JUNE_2025);

        assertThat(result.outcome()).isEqualTo(Outcome.MATCH);
        var hit = result.hits().getFirst();
        assertThat(hit.entry().id()).isEqualTo("lockheed-martin-corporation");
        assertThat(hit.listings()).singleElement().satisfies(l -> {
            assertThat(l.listing().list()).isEqualTo(RestrictedList.UEL);
            assertThat(l.listing().date()).isEqualTo(LocalDate.of(2023, 2, 16));
            assertThat(l.status()).isEqualTo(ListingStatus.ACTIVE);
        });
    }

    @Test
    void findsLockheedMartinByItsChineseName() {
        var result = SCREENING.screen(Party.named("洛克希德·马丁公司"), JUNE_2025);

        assertThat(result.outcome()).isEqualTo(Outcome.MATCH);
        assertThat(result.hits().getFirst().entry().id()).isEqualTo("lockheed-martin-corporation");
        assertThat(result.hits().getFirst().match().comparison()).isEqualTo(NameMatch.Comparison.CHINESE);
        assertThat(result.hits().getFirst().listings().getFirst().listing().date())
                .isEqualTo(LocalDate.of(2023, 2, 16));
    }

    @Test
    void findsTheChineseNameWrittenInTraditionalCharactersAndFullWidth() {
        assertThat(SCREENING.screen(Party.named("洛克希德・馬丁公司"), JUNE_2025).outcome())
                .isEqualTo(Outcome.MATCH);
        assertThat(SCREENING.screen(Party.named("ＬＯＣＫＨＥＥＤ　ＭＡＲＴＩＮ"), JUNE_2025).outcome())
                .isEqualTo(Outcome.MATCH);
    }

    @Test
    void recordsTheListVersionUsed() {
        var result = SCREENING.screen(Party.named("Leidos"), JUNE_2025);

        assertThat(result.list().version()).isEqualTo(BuiltInLists.load().ref().version());
        assertThat(result.list().digest()).startsWith("sha256:").hasSize(7 + 64);
    }

    @Test
    void aListingNotYetInForceIsShownButDoesNotMatch() {
        var before = SCREENING.screen(Party.named("Recorded Future"), LocalDate.of(2025, 10, 8));
        var after = SCREENING.screen(Party.named("Recorded Future"), LocalDate.of(2025, 10, 9));

        assertThat(before.outcome()).isEqualTo(Outcome.CLEAR);
        assertThat(before.hits())
                .singleElement()
                .satisfies(h -> assertThat(h.listings().getFirst().status()).isEqualTo(ListingStatus.NOT_YET));
        assertThat(before.hits().getFirst().explanation().en()).contains("information only");
        assertThat(after.outcome()).isEqualTo(Outcome.MATCH);
    }

    @Test
    void aSuspendedListingStillMatchesAndSaysItIsSuspended() {
        var result = SCREENING.screen(Party.named("BRINC Drones Inc"), LocalDate.of(2025, 6, 1));

        assertThat(result.outcome()).isEqualTo(Outcome.MATCH);
        var listing = result.hits().getFirst().listings().getFirst();
        assertThat(listing.status()).isEqualTo(ListingStatus.SUSPENDED);
        assertThat(listing.suspension()).isNotNull();
        assertThat(listing.suspension().from()).isEqualTo(LocalDate.of(2025, 5, 14));
        assertThat(result.hits().getFirst().explanation().en()).contains("suspended (2025-05-14 – 2025-08-11)");
    }

    @Test
    void anUnrelatedCompanyIsClear() {
        var result = SCREENING.screen(Party.named("Deutsche Telekom AG"), JUNE_2025);

        assertThat(result.outcome()).isEqualTo(Outcome.CLEAR);
        assertThat(result.hits()).isEmpty();
    }

    @Test
    void aSiblingCompanyIsNotAMatch() {
        var result = SCREENING.screen(Party.named("Cubic Global Defense"), JUNE_2025);

        assertThat(result.outcome()).isEqualTo(Outcome.CLEAR);
        assertThat(result.hits()).extracting(h -> h.entry().id()).containsExactly("cubic-global-defense");
    }

    @Test
    void explainsWhichTokensMatchedAndHow() {
        var hit = SCREENING
                .screen(Party.named("Lockhed Martin Corp."), JUNE_2025)
                .hits()
                .getFirst();

        assertThat(hit.match().tokens())
                .extracting(TokenMatch::query, TokenMatch::listed, TokenMatch::how)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("lockhed", "lockheed", TokenMatch.How.TYPO),
                        org.assertj.core.groups.Tuple.tuple("martin", "martin", TokenMatch.How.EXACT),
                        org.assertj.core.groups.Tuple.tuple("corp", "corp", TokenMatch.How.LEGAL_FORM));
        assertThat(hit.explanation().en()).contains("lockhed ~ lockheed (spelling variant");
        assertThat(hit.explanation().zh()).contains("拼写近似");
    }

    @Test
    void batchesKeepRequestOrderAndHaveALimit() {
        var report = SCREENING.screen(
                List.of(Party.named("Unrelated Widgets Ltd"), Party.named("Leidos"), Party.named("Skydio Inc.")),
                JUNE_2025);

        assertThat(report.results())
                .extracting(ScreeningResult::outcome)
                .containsExactly(Outcome.CLEAR, Outcome.MATCH, Outcome.MATCH);
        assertThat(report.lists()).containsExactly(SCREENING.list());
        var tooMany = Collections.nCopies(Screening.BATCH_LIMIT + 1, Party.named("x"));
        assertThatThrownBy(() -> SCREENING.screen(tooMany, JUNE_2025)).isInstanceOf(BatchTooLarge.class);
    }
}
