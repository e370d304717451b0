package org.kaifang.eligibility;

import java.util.List;
import java.util.stream.Collectors;

/** A determination request that cannot be judged; every problem found is listed. */
public class InvalidRequest extends RuntimeException {

    private final List<InputProblem> problems;

    public InvalidRequest(List<InputProblem> problems) {
        super(problems.stream().map(InputProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
