package org.kaifang.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kaifang.register.DemoRegisterState;
import org.kaifang.testing.DemoRegisterContext;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With {@code --demo}, the synthetic demo register, recorded through licensing at start-up (one {@code LicenceChanged}
 * per licence), gives the growth series the demo data was made to follow (telecom-vas-brief §6.2): 78 foreign-invested
 * enterprises in mid-2017, 2,343 at the end of 2024, over 2,400 at the end of February 2025. Its context is
 * {@link DemoRegisterContext}'s, shared with the dashboard and what-if tests and one recording of the demo register.
 */
@DemoRegisterContext
class DemoStatisticsIntegrationTests {

    @Autowired
    Statistics statistics;

    @Autowired
    DemoRegisterState demoRegister;

    @BeforeEach
    void demoRegisterLoaded() throws InterruptedException {
        // The demo register is recorded in the background once the server is up.
        assertThat(demoRegister.awaitLoaded(10, TimeUnit.MINUTES)).isTrue();
    }

    int enterprisesOn(String day) {
        var figure = statistics.figure("enterprises", new DateRange(null, LocalDate.parse(day)), null);
        return ((Number) figure.headline().get("enterprises")).intValue();
    }

    @Test
    void theDemoRegisterGivesTheGrowthSeriesOfTheNews() {
        assertThat(enterprisesOn("2004-11-30")).isEqualTo(4);
        assertThat(enterprisesOn("2017-06-30")).isEqualTo(78);
        assertThat(enterprisesOn("2020-03-31")).isEqualTo(232);
        assertThat(enterprisesOn("2024-02-28")).isEqualTo(1_855);
        assertThat(enterprisesOn("2024-09-30")).isEqualTo(2_220);
        assertThat(enterprisesOn("2024-12-31")).isEqualTo(2_343);
        // 2,405 by the demo's curve, plus the seven first-batch pilot approvals of 26 and 28 February.
        assertThat(enterprisesOn("2025-02-28")).isGreaterThan(2_400).isEqualTo(2_412);

        var series = statistics.figure("enterprises", new DateRange(null, LocalDate.parse("2025-02-28")), null);
        assertThat(series.column("period")).startsWith("2002", "2003").endsWith("2024", "2025-02-28");
        var growth = (BigDecimal) series.headline().get("yearOnYearPercent");
        var yearBefore = ((Number) series.headline().get("yearBefore")).intValue();
        // The news: "over 2,400 foreign-invested telecom enterprises, up 30% year on year".
        assertThat(yearBefore).isEqualTo(1_855);
        assertThat(growth).isEqualByComparingTo(new BigDecimal("30.0"));
    }

    @Test
    void theDemoPilotApprovalsAndTheCountersAgreeWithARebuild() {
        var pilots = statistics.figure(
                "pilots", new DateRange(LocalDate.parse("2025-02-01"), LocalDate.parse("2025-02-28")), null);
        assertThat(pilots.headline()).containsEntry("approvals", 7L);
        assertThat(pilots.rowsWhere("dimension", "batch"))
                .extracting(r -> r.get("key"), r -> r.get("approvals"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2025-02-26", 4L),
                        org.assertj.core.groups.Tuple.tuple("2025-02-28", 3L));

        var before = statistics.figure("licences", new DateRange(null, LocalDate.parse("2025-06-30")), null);
        statistics.rebuildCounters();
        var after = statistics.figure("licences", new DateRange(null, LocalDate.parse("2025-06-30")), null);
        assertThat(after.rows()).isEqualTo(before.rows());
        assertThat(((Number) after.headline().get("licences")).longValue()).isGreaterThan(10_000);
    }
}
