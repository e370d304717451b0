package org.kaifang.ownership;

import java.time.LocalDate;
import java.util.HashSet;
import org.kaifang.rules.Citation;
import org.kaifang.rules.RulePack;

/**
 * Analyses structures under a rule pack: the pack says which jurisdictions are domestic on a date (FTE Provisions
 * art. 16: Hong Kong, Macau and Taiwan investors count as foreign).
 */
public final class OwnershipAnalyses {

    static final String DOMESTIC = "ownership.domestic-jurisdictions";

    private OwnershipAnalyses() {}

    /** The analyser for {@code pack} on {@code date}. */
    public static OwnershipAnalyser analyser(RulePack pack, LocalDate date) {
        return new OwnershipAnalyser(
                new HashSet<>(pack.parameter(DOMESTIC).require(date).strings()));
    }

    /** The provision that says who is foreign on {@code date}. */
    public static Citation foreignCitation(RulePack pack, LocalDate date) {
        return pack.parameter(DOMESTIC).require(date).citation();
    }
}
