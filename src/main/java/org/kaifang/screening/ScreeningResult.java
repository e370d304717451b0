package org.kaifang.screening;

import java.time.LocalDate;
import java.util.List;

/**
 * The result of screening one party as of a date against one version of the lists. Hits are ordered by score, best
 * first; a {@link Clear} result may still carry hits on ended or future listings, for information.
 */
public sealed interface ScreeningResult {

    Party party();

    LocalDate asOf();

    ListRef list();

    List<Hit> hits();

    Outcome outcome();

    record Clear(Party party, LocalDate asOf, ListRef list, List<Hit> hits) implements ScreeningResult {
        public Clear {
            hits = List.copyOf(hits);
        }

        @Override
        public Outcome outcome() {
            return Outcome.CLEAR;
        }
    }

    record PossibleMatch(Party party, LocalDate asOf, ListRef list, List<Hit> hits) implements ScreeningResult {
        public PossibleMatch {
            hits = List.copyOf(hits);
        }

        @Override
        public Outcome outcome() {
            return Outcome.POSSIBLE_MATCH;
        }
    }

    record Match(Party party, LocalDate asOf, ListRef list, List<Hit> hits) implements ScreeningResult {
        public Match {
            hits = List.copyOf(hits);
        }

        @Override
        public Outcome outcome() {
            return Outcome.MATCH;
        }
    }
}
