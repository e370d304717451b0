package org.kaifang.ownership;

import java.util.List;
import java.util.stream.Collectors;

/** A shareholding structure that cannot be analysed; every problem found is listed, each naming its party. */
public class InvalidStructure extends RuntimeException {

    private final List<StructureProblem> problems;

    public InvalidStructure(List<StructureProblem> problems) {
        super(problems.stream().map(p -> p.pointer() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<StructureProblem> problems() {
        return problems;
    }
}
