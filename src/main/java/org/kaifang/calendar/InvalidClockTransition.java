package org.kaifang.calendar;

/** A change a {@link StatutoryClock} cannot make in its present state (resume when not paused, act when stopped…). */
public final class InvalidClockTransition extends RuntimeException {

    InvalidClockTransition(String message) {
        super(message);
    }
}
