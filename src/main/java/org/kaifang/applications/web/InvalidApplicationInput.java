package org.kaifang.applications.web;

import java.util.List;
import org.kaifang.web.InputProblems;

/** Input to the applications API that cannot be used, with every problem and where it is. */
final class InvalidApplicationInput extends RuntimeException {

    private final List<InputProblems.Problem> problems;

    InvalidApplicationInput(List<InputProblems.Problem> problems) {
        super(problems.size() + " problem(s)");
        this.problems = List.copyOf(problems);
    }

    List<InputProblems.Problem> problems() {
        return problems;
    }
}
