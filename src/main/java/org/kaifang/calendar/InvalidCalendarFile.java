package org.kaifang.calendar;

import java.util.List;

/** A calendar file that cannot be used, with every problem found and where it is. */
public final class InvalidCalendarFile extends RuntimeException {

    /**
     * One problem.
     *
     * @param location where: the file, then a JSON pointer ({@code 2027.json#/days/3/date}) or a line and column
     */
    public record Problem(String location, String message) {

        @Override
        public String toString() {
            return location + ": " + message;
        }
    }

    private final List<Problem> problems;

    InvalidCalendarFile(List<Problem> problems) {
        super(problems.size() + " problem(s): "
                + String.join("; ", problems.stream().map(Problem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, in the order found. */
    public List<Problem> problems() {
        return problems;
    }
}
