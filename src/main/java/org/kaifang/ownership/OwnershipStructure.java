package org.kaifang.ownership;

import java.util.List;

/** A shareholding structure: parties, holdings between them, and declared control facts. */
public record OwnershipStructure(List<Party> parties, List<Holding> holdings, List<ControlFact> control) {

    public static final String APPLICANT = "applicant";

    public OwnershipStructure {
        parties = List.copyOf(parties);
        holdings = List.copyOf(holdings);
        control = List.copyOf(control);
    }
}
