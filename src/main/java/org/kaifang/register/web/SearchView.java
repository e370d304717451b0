package org.kaifang.register.web;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kaifang.licensing.LicenceStatus;
import org.kaifang.licensing.LicenceView;
import org.kaifang.register.RegisterPage;

/**
 * What the search page shows: the form as typed, and either the results or what is wrong with the form.
 *
 * @param typed the parameters as typed, to show again
 * @param result {@code null} when the form has problems
 * @param demoLoading whether the synthetic demo register is still being recorded (results are incomplete)
 */
public record SearchView(
        Map<String, @Nullable String> typed,
        @Nullable RegisterPage result,
        Map<String, String> problems,
        boolean demoLoading) {

    static SearchView of(Map<String, @Nullable String> typed, RegisterPage result, boolean demoLoading) {
        return new SearchView(typed, result, Map.of(), demoLoading);
    }

    static SearchView invalid(Map<String, @Nullable String> typed, Map<String, String> problems, boolean demoLoading) {
        return new SearchView(typed, null, problems, demoLoading);
    }

    /** What was typed in field {@code name}, or an empty string. */
    public String value(String name) {
        var v = typed.get(name);
        return v == null ? "" : v;
    }

    public boolean anySynthetic() {
        return result != null && result.licences().stream().anyMatch(LicenceView::synthetic);
    }

    /** The statuses, for the status field. */
    public List<LicenceStatus> statuses() {
        return List.of(LicenceStatus.values());
    }

    /** The link that narrows the search to {@code value} of {@code facet}. */
    public String facetLink(String facet, String value) {
        return RegisterPages.PATH + "?" + result.query().with(facet, value).link(0);
    }

    /** The link that drops {@code facet} from the search. */
    public String clearLink(String facet) {
        return RegisterPages.PATH + "?" + result.query().with(facet, null).link(0);
    }

    public String pageLink(int page) {
        return RegisterPages.PATH + "?" + result.query().link(page);
    }

    /** Whether {@code facet} is one the search is narrowed by. */
    public boolean narrowed(String facet) {
        var q = result.query();
        return switch (facet) {
            case "status" -> q.status() != null;
            case "service" -> q.service() != null;
            case "area" -> q.area() != null;
            case "foreignInvested" -> q.foreignInvested() != null;
            case "pilot" -> q.pilot() != null;
            default -> false;
        };
    }
}
