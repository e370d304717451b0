package org.kaifang.eligibility;

import java.util.List;
import org.kaifang.ownership.Holding;
import org.kaifang.ownership.OwnershipStructure;
import org.kaifang.screening.ListRef;
import org.kaifang.screening.ScreeningResult;

/**
 * The restricted-party screening of a request's parties, a fact the engine judges like any other: the applicant (party
 * id {@value OwnershipStructure#APPLICANT}) and, when the request gives a structure, every other party in it, each with
 * its result against one version of the lists, and the holdings between them for aggregating listed stakes.
 *
 * @param lists the list versions every result was screened against, the primary (built-in) one first
 * @param holdings the structure's holdings; empty when the request gave no structure
 */
public record PartyScreening(List<ListRef> lists, List<ScreenedParty> parties, List<Holding> holdings) {

    public PartyScreening {
        lists = List.copyOf(lists);
        parties = List.copyOf(parties);
        holdings = List.copyOf(holdings);
        if (lists.isEmpty()) {
            throw new IllegalArgumentException("A screening names at least one list version");
        }
    }

    /** The primary list version. */
    public ListRef list() {
        return lists.getFirst();
    }

    /** One party of the request and its screening result. */
    public record ScreenedParty(String party, ScreeningResult result) {

        public boolean applicant() {
            return OwnershipStructure.APPLICANT.equals(party);
        }
    }
}
