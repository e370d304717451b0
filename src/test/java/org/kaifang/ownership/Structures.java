package org.kaifang.ownership;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds shareholding structures for tests through the module's own records. */
final class Structures {

    private final List<Party> parties = new ArrayList<>();
    private final List<Holding> holdings = new ArrayList<>();
    private final List<ControlFact> control = new ArrayList<>();

    static Structures structure() {
        return new Structures().company("applicant", "Example Applicant Co., Ltd.", "CN");
    }

    Structures company(String id, String name, String jurisdiction) {
        parties.add(new Party(id, name, PartyKind.COMPANY, jurisdiction, Map.of()));
        return this;
    }

    Structures person(String id, String name, String jurisdiction) {
        parties.add(new Party(id, name, PartyKind.PERSON, jurisdiction, Map.of()));
        return this;
    }

    Structures holds(String owner, double percent, String owned) {
        holdings.add(new Holding(owner, owned, Share.exactly(percent / 100), null));
        return this;
    }

    Structures holdsBetween(String owner, double low, double high, String owned) {
        holdings.add(new Holding(owner, owned, new Share(low / 100, high / 100), null));
        return this;
    }

    Structures holdsWithVotes(String owner, double equity, double votes, String owned) {
        holdings.add(new Holding(owner, owned, Share.exactly(equity / 100), Share.exactly(votes / 100)));
        return this;
    }

    Structures controls(String controller, ControlKind kind, String controlled) {
        control.add(new ControlFact(controller, controlled, kind));
        return this;
    }

    OwnershipStructure build() {
        return new OwnershipStructure(parties, holdings, control);
    }
}
