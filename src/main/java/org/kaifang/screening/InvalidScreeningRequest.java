package org.kaifang.screening;

import java.util.List;

/** A screening request that cannot be honoured, with each problem at its JSON pointer. */
public final class InvalidScreeningRequest extends RuntimeException {

    /** One problem: where in the request ({@code /parties/3/name}) and what is wrong. */
    public record Problem(String pointer, String message) {}

    private final List<Problem> problems;

    public InvalidScreeningRequest(List<Problem> problems) {
        super(problems.stream()
                .map(p -> p.pointer() + ": " + p.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse(""));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
