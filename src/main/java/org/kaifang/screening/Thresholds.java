package org.kaifang.screening;

/**
 * The scores at which a hit becomes a possible match and a match. The defaults are chosen from the evaluation set
 * (docs/screening.md): the possible-match threshold keeps recall at or above 0.98, the match threshold is where
 * precision on the set is 1.
 */
public record Thresholds(double match, double possibleMatch) {

    public static final Thresholds DEFAULT = new Thresholds(0.90, 0.80);

    public Thresholds {
        if (!(possibleMatch > 0 && possibleMatch <= match && match <= 1)) {
            throw new IllegalArgumentException(
                    "Need 0 < possible match (" + possibleMatch + ") ≤ match (" + match + ") ≤ 1");
        }
    }

    Outcome outcomeOf(double score) {
        return score >= match ? Outcome.MATCH : score >= possibleMatch ? Outcome.POSSIBLE_MATCH : Outcome.CLEAR;
    }
}
