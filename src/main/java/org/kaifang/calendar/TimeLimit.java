package org.kaifang.calendar;

/**
 * A statutory period: so many working or calendar days (the rule pack's {@code time-limit.*} parameters).
 *
 * @param days at least 1
 */
public record TimeLimit(int days, ClockUnit unit) {

    public TimeLimit {
        if (days < 1) {
            throw new IllegalArgumentException("a time limit has at least 1 day, not " + days);
        }
    }
}
