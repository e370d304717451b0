package org.kaifang.ownership.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the {@code /ownership} template shows: the form as submitted, every problem found, and the analysis when there
 * is one. Texts are ready to print; the template only lays them out.
 *
 * @param asOf the legal date as typed (empty: the structure's {@code asOf}, or today)
 * @param structure the JSON or YAML in the text box (an uploaded file's text replaces it, so it can be corrected)
 */
public record OwnershipView(
        String asOf,
        String structure,
        List<Problem> problems,
        @Nullable Result result,
        String coverageFrom,
        String pack) {

    /**
     * One problem of the input.
     *
     * @param field the form field to correct ({@code structure}, {@code file}, {@code parties} or {@code asOf})
     * @param where the party, holding or control fact concerned, in words
     * @param pointer the JSON pointer inside the structure; empty for the whole input
     */
    public record Problem(String field, String where, String pointer, String message) {}

    /**
     * The analysis of a valid structure.
     *
     * @param graph the inline SVG, or {@code null} when there are too many parties to draw
     * @param lookThrough with its bounds when a share is a band
     */
    public record Result(
            String asOf,
            @Nullable String graph,
            int partyCount,
            String direct,
            String lookThrough,
            boolean foreignControlled,
            List<PartyRow> parties,
            List<HoldingRow> holdings,
            List<ControlRow> control,
            List<PathRow> paths,
            List<ControllerRow> controllers) {}

    /** @param effective effective equity in the applicant; {@code ultimate} when nobody holds the party */
    public record PartyRow(
            String id,
            String name,
            String kind,
            String jurisdiction,
            boolean foreign,
            boolean applicant,
            boolean ultimate,
            String effective) {}

    /** @param votes the declared voting share, {@code null} when the votes follow equity */
    public record HoldingRow(
            String ownerId,
            String owner,
            String ownedId,
            String owned,
            String equity,
            @Nullable String votes,
            List<String> control) {}

    /** A declared control fact, in the table of holdings' companion. */
    public record ControlRow(String controller, String controlled, String kind) {}

    public record PathRow(String text, String percent, boolean foreign) {}

    public record ControllerRow(String id, String name, boolean foreign, String reason) {}

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** Whether {@code field} has a problem, for its error style and {@code aria-describedby}. */
    public boolean hasError(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    public List<Problem> problemsOf(String field) {
        return problems.stream().filter(p -> p.field().equals(field)).toList();
    }

    public String group(String field) {
        return hasError(field) ? "form-group form-group--error" : "form-group";
    }

    public String describedBy(String field) {
        return hasError(field) ? field + "-hint " + field + "-error" : field + "-hint";
    }
}
