package org.kaifang.applications;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kaifang.eligibility.InputProblem;
import org.kaifang.rules.DatedValue;

/**
 * How far a draft is: what is wrong or missing in each step, and the required documents not yet uploaded. The review
 * step's problems are those of the request outside the steps' sections (its date, say).
 *
 * @param problems each step's problems, at JSON pointers into the request
 * @param missingDocuments the kinds of required document not yet uploaded, in the checklist's order
 * @param rule the rule pack's value that says what must be complete before submitting, with its citation
 */
public record DraftProgress(
        Map<DraftStep, List<InputProblem>> problems,
        List<String> missingDocuments,
        boolean stepsRequired,
        boolean documentsRequired,
        DatedValue rule) {

    public DraftProgress {
        problems = Map.copyOf(problems);
        missingDocuments = List.copyOf(missingDocuments);
    }

    /** The step's problems; empty when it is complete. */
    public List<InputProblem> problemsOf(DraftStep step) {
        return problems.getOrDefault(step, List.of());
    }

    /** Whether {@code step} is complete: no problem in its section; for documents, none required is missing. */
    public boolean complete(DraftStep step) {
        return switch (step) {
            case DOCUMENTS -> missingDocuments.isEmpty();
            case REVIEW -> false;
            default -> problemsOf(step).isEmpty();
        };
    }

    /** Where a reopened draft resumes: the first step not complete, or the review when every other one is. */
    public DraftStep firstIncomplete() {
        for (var step : DraftStep.values()) {
            if (step != DraftStep.REVIEW && !complete(step)) {
                return step;
            }
        }
        return DraftStep.REVIEW;
    }

    /** The steps that stop the draft being submitted now, under the rule pack's rule; empty when it may be. */
    public List<DraftStep> blocking() {
        var blocking = new ArrayList<DraftStep>();
        for (var step : List.of(DraftStep.COMPANY, DraftStep.OWNERSHIP, DraftStep.SERVICES)) {
            if (stepsRequired && !complete(step)) {
                blocking.add(step);
            }
        }
        if (documentsRequired && !complete(DraftStep.DOCUMENTS)) {
            blocking.add(DraftStep.DOCUMENTS);
        }
        if (!problemsOf(DraftStep.REVIEW).isEmpty()) {
            blocking.add(DraftStep.REVIEW);
        }
        return blocking;
    }

    public boolean canSubmit() {
        return blocking().isEmpty();
    }
}
