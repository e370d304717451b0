package org.kaifang.register;

import java.util.List;
import java.util.Map;
import org.kaifang.licensing.LicenceView;

/**
 * One page of search results with the facet counts of everything the search matched.
 *
 * @param total how many licences match, or {@link Register#COUNT_LIMIT} when {@code capped}
 * @param capped whether more than {@code total} match (a filtered search is counted only up to
 *     {@link Register#COUNT_LIMIT})
 * @param facets facet name ({@code status}, {@code service}, {@code area}, {@code foreignInvested}, {@code pilot}) to
 *     value to count; empty when the search matched more than {@link Register#FACET_LIMIT} licences with a filter
 *     (counting them would cost more than the search: narrowing it shows the counts)
 */
public record RegisterPage(
        RegisterQuery query,
        List<LicenceView> licences,
        long total,
        boolean capped,
        Map<String, Map<String, Long>> facets) {

    public RegisterPage {
        licences = List.copyOf(licences);
        facets = Map.copyOf(facets);
    }

    public int pages() {
        return (int) Math.max(1, (total + query.size() - 1) / query.size());
    }

    public boolean hasPrevious() {
        return query.page() > 0;
    }

    public boolean hasNext() {
        return query.page() + 1 < pages() && query.offset() + query.size() < RegisterQuery.MAX_OFFSET;
    }
}
