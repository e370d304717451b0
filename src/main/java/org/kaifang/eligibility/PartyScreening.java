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
 * @param list the list version every result was screened against
 * @param holdings the structure's holdings; empty when the request gave no structure
 */
public record PartyScreening(ListRef list, List<ScreenedParty> parties, List<Holding> holdings) {

    public PartyScreening {
        parties = List.copyOf(parties);
        holdings = List.copyOf(holdings);
    }

    /** One party of the request and its screening result. */
    public record ScreenedParty(String party, ScreeningResult result) {

        public boolean applicant() {
            return OwnershipStructure.APPLICANT.equals(party);
        }
    }
}
