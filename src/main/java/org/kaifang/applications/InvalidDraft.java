package org.kaifang.applications;

import java.util.List;
import org.kaifang.eligibility.InputProblem;

/** A wizard step's input the draft cannot take: every problem, each at its JSON pointer into the request. Nothing was saved. */
public final class InvalidDraft extends RuntimeException {

    private final DraftStep step;
    private final List<InputProblem> problems;

    public InvalidDraft(DraftStep step, List<InputProblem> problems) {
        super("The " + step.slug() + " step has " + problems.size() + " problem(s)");
        this.step = step;
        this.problems = List.copyOf(problems);
    }

    public DraftStep step() {
        return step;
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
