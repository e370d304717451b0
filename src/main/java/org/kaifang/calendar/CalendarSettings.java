package org.kaifang.calendar;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings for the calendar, bound from {@code kaifang.calendar.*}.
 *
 * @param dir where imported years are kept ({@code kaifang calendar import}); read at start-up and whenever it changes
 */
@ConfigurationProperties("kaifang.calendar")
record CalendarSettings(@DefaultValue("./data/calendar") Path dir) {}
