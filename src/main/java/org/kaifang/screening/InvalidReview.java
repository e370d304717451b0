package org.kaifang.screening;

import java.util.List;
import java.util.stream.Collectors;

/** A review decision that cannot be recorded, with every problem and the field it concerns. */
public final class InvalidReview extends RuntimeException {

    private final List<Problem> problems;

    public InvalidReview(List<Problem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** One problem: the form field and what is wrong with it. */
    public record Problem(String field, String message) {}
}
