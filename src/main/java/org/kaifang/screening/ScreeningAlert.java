package org.kaifang.screening;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A hit an officer must look at: the name screened, the list entry it met and on which list version, the score and
 * its explanation, and the review so far. It guards its own transition: only an open alert can be decided, and a
 * decision needs a reason.
 *
 * @param nameKey the screened name reduced for remembering decisions (case, width, punctuation and spacing folded)
 * @param listings the entry's listings with their status on {@code asOf}, as text
 * @param history every review action, oldest first
 */
public record ScreeningAlert(
        UUID id,
        Instant raisedAt,
        String raisedBy,
        String query,
        String nameKey,
        ListRef list,
        String entryId,
        String entryName,
        String matchedName,
        double score,
        Outcome outcome,
        LocalDate asOf,
        Explanation listings,
        Explanation explanation,
        AlertStatus status,
        List<ReviewAction> history) {

    /** The longest reason kept. */
    public static final int MAX_REASON = 2000;

    public ScreeningAlert {
        history = List.copyOf(history);
    }

    /**
     * This alert decided by {@code officer}: confirmed or dismissed with {@code reason}.
     *
     * @throws InvalidReview when the alert is no longer open, the decision is not one, or the reason is missing or
     *     too long
     */
    public ScreeningAlert decide(AlertStatus decision, String reason, String officer, Instant at) {
        var problems = new ArrayList<InvalidReview.Problem>();
        if (status != AlertStatus.OPEN) {
            problems.add(new InvalidReview.Problem(
                    "status", "the alert was already " + status.name().toLowerCase() + "; a decision is final"));
        }
        if (decision == AlertStatus.OPEN) {
            problems.add(new InvalidReview.Problem("decision", "must be CONFIRMED or DISMISSED"));
        }
        var trimmed = reason == null ? "" : reason.strip();
        if (trimmed.isEmpty()) {
            problems.add(new InvalidReview.Problem("reason", "is required: say why the hit is or is not the entity"));
        } else if (trimmed.length() > MAX_REASON) {
            problems.add(new InvalidReview.Problem("reason", "may have at most " + MAX_REASON + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidReview(problems);
        }
        var actions = new ArrayList<>(history);
        actions.add(new ReviewAction(
                at,
                officer,
                decision == AlertStatus.CONFIRMED ? ReviewAction.Kind.CONFIRMED : ReviewAction.Kind.DISMISSED,
                trimmed));
        return new ScreeningAlert(
                id,
                raisedAt,
                raisedBy,
                query,
                nameKey,
                list,
                entryId,
                entryName,
                matchedName,
                score,
                outcome,
                asOf,
                listings,
                explanation,
                decision,
                actions);
    }

    /** The decision, once made. */
    public java.util.Optional<ReviewAction> decision() {
        return history.stream()
                .filter(a -> a.kind() != ReviewAction.Kind.RAISED)
                .reduce((first, second) -> second);
    }
}
