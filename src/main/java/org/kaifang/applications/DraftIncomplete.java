package org.kaifang.applications;

import java.util.stream.Collectors;

/** A draft submitted through the wizard before the steps and documents the rule pack requires are complete. */
public final class DraftIncomplete extends RuntimeException {

    private final DraftProgress progress;

    public DraftIncomplete(DraftProgress progress) {
        super(message(progress));
        this.progress = progress;
    }

    public DraftProgress progress() {
        return progress;
    }

    private static String message(DraftProgress progress) {
        var steps = progress.blocking().stream()
                .filter(s -> s != DraftStep.DOCUMENTS)
                .map(DraftStep::slug)
                .collect(Collectors.joining(", "));
        var text = new StringBuilder("The draft cannot be submitted yet:");
        if (!steps.isEmpty()) {
            text.append(" complete the step(s) ").append(steps).append(';');
        }
        if (progress.blocking().contains(DraftStep.DOCUMENTS)) {
            text.append(" upload the required document(s) ")
                    .append(String.join(", ", progress.missingDocuments()))
                    .append(';');
        }
        text.setLength(text.length() - 1);
        return text.append(" (rule pack: submission.complete-before-submitting)")
                .toString();
    }
}
