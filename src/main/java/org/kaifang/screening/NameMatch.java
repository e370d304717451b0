package org.kaifang.screening;

import java.util.List;

/**
 * The best agreement found between a screened name and one listed name: the score (0–1), how the names were compared,
 * and the token-by-token account that explains the score.
 */
public record NameMatch(String listedName, double score, Comparison comparison, List<TokenMatch> tokens) {

    public NameMatch {
        tokens = List.copyOf(tokens);
    }

    /** Which forms of the two names were compared. */
    public enum Comparison {
        /** Both in Latin script. */
        LATIN,
        /** Both in Chinese characters (with any Latin parts compared as words). */
        CHINESE,
        /** One in Chinese characters, compared through its pinyin with the other's Latin spelling. */
        CROSS_SCRIPT
    }
}
