package org.kaifang.rules;

import java.util.List;
import java.util.stream.Collectors;

/** A rule pack could not be loaded because it has defects; every defect found is listed. */
public class RulePackRejected extends RuntimeException {

    private final List<RulePackProblem> problems;

    public RulePackRejected(String pack, List<RulePackProblem> problems) {
        super("Rule pack " + pack + " has " + problems.size() + " problem(s):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RulePackProblem> problems() {
        return problems;
    }
}
