package org.kaifang.calendar;

/** A holiday's name in Chinese, as the notice gives it, and in English. */
public record HolidayName(String zh, String en) {

    public HolidayName {
        if (zh.isBlank() || en.isBlank()) {
            throw new IllegalArgumentException("a holiday needs a name in Chinese and in English");
        }
    }
}
