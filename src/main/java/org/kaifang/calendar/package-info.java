/**
 * China's working-day calendar and statutory clocks: weekends, statutory holidays and adjusted working days (调休) from
 * the State Council's yearly notices, built in for the years the project compiled and importable from the holiday-cn
 * JSON format for later ones; due dates counted in working or calendar days; clocks that pause for a correction
 * request (补正) and can be extended. A date in a year the calendar does not cover is an error, never a guess. Depends
 * on no other module.
 */
@NullMarked
@ApplicationModule(displayName = "Calendar")
package org.kaifang.calendar;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
