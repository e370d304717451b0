package org.kaifang.ownership;

import java.util.List;
import org.kaifang.rules.Bilingual;

/**
 * What an ownership structure means for the applicant: its foreign equity by each measure, who controls it, each
 * ultimate owner's effective share, and the chains that carry it. Percentages are 0–100, rounded to 4 decimals.
 *
 * @param foreignControlled whether any ultimate controller of the applicant is foreign
 */
public record OwnershipAnalysis(
        ForeignEquity foreignEquity,
        boolean foreignControlled,
        List<Controller> controllers,
        List<Effective> effective,
        List<Chain> paths) {

    /**
     * @param direct the equity foreign parties hold directly in the applicant
     * @param directRange its bounds when any direct holding is a band
     * @param lookThrough effective foreign equity through every chain (products along chains, summed; cycles exact)
     * @param lookThroughRange its bounds when any holding is a band; both equal to {@code lookThrough} otherwise
     */
    public record ForeignEquity(double direct, Range directRange, double lookThrough, Range lookThroughRange) {}

    public record Range(double low, double high) {}

    /** An ultimate controller of the applicant and why it controls. */
    public record Controller(String party, boolean foreign, List<String> chain, Bilingual reason) {}

    /** An ultimate owner (a party nobody holds) and its effective equity in the applicant. */
    public record Effective(String party, double percent, boolean foreign) {}

    /** A chain of holdings from an ultimate owner to the applicant and the product of its shares. */
    public record Chain(List<String> parties, double percent, boolean foreign, String text) {}
}
