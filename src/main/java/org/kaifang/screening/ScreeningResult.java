package org.kaifang.screening;

import java.time.LocalDate;
import java.util.List;

/**
 * The result of screening one party as of a date against versions of the lists. Hits are ordered by score, best
 * first, each naming its own list version; a {@link Clear} result may still carry hits on ended or future listings, for
 * information. {@link #list()} is the primary list (the first screened), {@link #lists()} every list screened.
 */
public sealed interface ScreeningResult {

    Party party();

    LocalDate asOf();

    ListRef list();

    List<ListRef> lists();

    List<Hit> hits();

    Outcome outcome();

    record Clear(Party party, LocalDate asOf, ListRef list, List<Hit> hits, List<ListRef> lists)
            implements ScreeningResult {
        public Clear {
            hits = List.copyOf(hits);
            lists = List.copyOf(lists);
        }

        /** A result against the one list {@code list}. */
        public Clear(Party party, LocalDate asOf, ListRef list, List<Hit> hits) {
            this(party, asOf, list, hits, List.of(list));
        }

        @Override
        public Outcome outcome() {
            return Outcome.CLEAR;
        }
    }

    record PossibleMatch(Party party, LocalDate asOf, ListRef list, List<Hit> hits, List<ListRef> lists)
            implements ScreeningResult {
        public PossibleMatch {
            hits = List.copyOf(hits);
            lists = List.copyOf(lists);
        }

        /** A result against the one list {@code list}. */
        public PossibleMatch(Party party, LocalDate asOf, ListRef list, List<Hit> hits) {
            this(party, asOf, list, hits, List.of(list));
        }

        @Override
        public Outcome outcome() {
            return Outcome.POSSIBLE_MATCH;
        }
    }

    record Match(Party party, LocalDate asOf, ListRef list, List<Hit> hits, List<ListRef> lists)
            implements ScreeningResult {
        public Match {
            hits = List.copyOf(hits);
            lists = List.copyOf(lists);
        }

        /** A result against the one list {@code list}. */
        public Match(Party party, LocalDate asOf, ListRef list, List<Hit> hits) {
            this(party, asOf, list, hits, List.of(list));
        }

        @Override
        public Outcome outcome() {
            return Outcome.MATCH;
        }
    }
}
