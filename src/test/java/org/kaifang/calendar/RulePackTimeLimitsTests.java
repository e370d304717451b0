package org.kaifang.calendar;

import static java.time.LocalDate.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.kaifang.rules.RulePackLoader;

/**
 * The rule pack's time limits ({@code time-limit.*}: days and a unit) are clocks the calendar can run: the seam the
 * applications module will use.
 */
class RulePackTimeLimitsTests {

    static TimeLimit limit(String key, LocalDate on) {
        var value = RulePackLoader.fromClasspath("telecom-vas")
                .parameters()
                .get(key)
                .require(on)
                .map();
        return new TimeLimit(((Number) value.get("days")).intValue(), ClockUnit.valueOf((String) value.get("unit")));
    }

    @Test
    void everyTimeLimitOfThePackIsAClock() {
        var on = parse("2025-01-24");
        assertThat(limit("time-limit.acceptance", on)).isEqualTo(new TimeLimit(5, ClockUnit.WORKING));
        assertThat(limit("time-limit.decision", on).days()).isEqualTo(60);
        assertThat(limit("time-limit.delivery", on).days()).isEqualTo(10);
    }

    @Test
    void anApplicationReceivedBeforeSpringFestivalIsAcceptedBySevenFebruary() {
        var clock = StatutoryClock.start(parse("2025-01-24"), limit("time-limit.acceptance", parse("2025-01-24")));

        assertThat(clock.due(CalendarTests.CALENDAR)).contains(parse("2025-02-07"));
    }
}
