package org.kaifang.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kaifang.licensing.LicenceFixtures.existing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kaifang.testing.Databases;
import org.kaifang.testing.Databases.Database;

/** The daily expiry job with a clock the test moves: once a day across nodes, and catching up after downtime. */
class ExpiryTests {

    static Stream<Database> databases() {
        return Databases.all().stream();
    }

    /** 2027-05-10 08:00 in China: the day after the fixtures' licences end. */
    static final Instant DAY_AFTER = Instant.parse("2027-05-10T00:00:00Z");

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aLicenceLapsesTheDayAfterItsLastValidDayAndOnlyOnce(Database database) {
        var clock = new MutableClock(DAY_AFTER.minus(Duration.ofDays(1)));
        var m = LicenceFixtures.module(database, clock);
        var licence = m.licences()
                .record(List.of(existing("B2-20220001", "甲公司")), "system")
                .getFirst();
        var expiry = m.expiry();

        assertThat(expiry.runOnce()).as("on its last valid day").isZero();
        assertThat(m.licences().find(licence.id()).orElseThrow().status()).isEqualTo(LicenceStatus.NORMAL);
        assertThat(expiry.runOnce()).as("a second run the same day").isEqualTo(-1);

        clock.set(DAY_AFTER);
        assertThat(expiry.runOnce()).isEqualTo(1);

        var lapsed = m.licences().find(licence.id()).orElseThrow();
        assertThat(lapsed.status()).isEqualTo(LicenceStatus.EXPIRED);
        assertThat(lapsed.version()).isEqualTo(2);
        assertThat(lapsed.termination()).isNotNull();
        assertThat(lapsed.termination().on()).isEqualTo(LocalDate.of(2027, 5, 10));
        assertThat(lapsed.termination().legalBasis()).contains("第二十七条");
        assertThat(m.licences().history(licence.id()))
                .extracting(LicenceChanged::change)
                .containsExactly(LicenceChange.RECORDED, LicenceChange.LAPSED);
        assertThat(m.events())
                .filteredOn(e -> e instanceof LicenceChanged c && c.change() == LicenceChange.LAPSED)
                .singleElement()
                .satisfies(e -> assertThat(((LicenceChanged) e).actor()).isEqualTo("system"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void twoNodesRunningTheSameDayDoTheWorkOnce(Database database) {
        var clock = new MutableClock(DAY_AFTER);
        var m = LicenceFixtures.module(database, clock);
        m.licences().record(List.of(existing("B2-20220001", "甲公司"), existing("B2-20220002", "乙公司")), "system");

        var first = m.expiry().runOnce();
        var second = m.expiry().runOnce();

        assertThat(List.of(first, second)).containsExactly(2, -1);
        assertThat(m.licences()
                        .history(m.licences()
                                .byNumber("B2-20220002")
                                .orElseThrow()
                                .id()))
                .hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aRunAfterDowntimeCatchesUpEveryLicenceThatEndedMeanwhile(Database database) {
        var clock = new MutableClock(Instant.parse("2027-05-01T00:00:00Z"));
        var m = LicenceFixtures.module(database, clock);
        m.licences()
                .record(
                        List.of(
                                existing("B2-20220001", "甲公司", LocalDate.of(2027, 5, 2)),
                                existing("B2-20220002", "乙公司", LocalDate.of(2027, 5, 20)),
                                existing("B2-20220003", "丙公司", LocalDate.of(2027, 6, 30)),
                                existing("B2-20220004", "丁公司", LocalDate.of(2027, 7, 1))),
                        "system");
        assertThat(m.expiry().runOnce()).isZero();

        clock.set(Instant.parse("2027-07-01T12:00:00Z"));

        assertThat(m.expiry().runOnce()).isEqualTo(3);
        assertThat(m.licences().byNumber("B2-20220003").orElseThrow().status()).isEqualTo(LicenceStatus.EXPIRED);
        assertThat(m.licences().byNumber("B2-20220004").orElseThrow().status()).isEqualTo(LicenceStatus.NORMAL);
    }
}
