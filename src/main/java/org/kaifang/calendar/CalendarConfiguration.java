package org.kaifang.calendar;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The calendar store: the built-in years plus those imported into {@link CalendarSettings#dir()}. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
    CalendarStore calendarStore(CalendarSettings settings) {
        return new CalendarStore(settings.dir());
    }
}
