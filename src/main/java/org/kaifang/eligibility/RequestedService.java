package org.kaifang.eligibility;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One service the applicant wants to offer.
 *
 * @param code the catalogue code, e.g. {@code B11}
 * @param item the licensable item, e.g. {@code IRCS}; {@code null} for services without items
 * @param coverage {@code CN} for nationwide, or province-level division codes
 * @param facilities division codes where the service's facilities are
 * @param content B25 content that needs prior approval
 */
public record RequestedService(
        String code, @Nullable String item, List<String> coverage, List<String> facilities, Set<ContentType> content) {

    public static final String NATIONWIDE = "CN";

    public RequestedService {
        coverage = List.copyOf(coverage);
        facilities = List.copyOf(facilities);
        content = Set.copyOf(content);
    }

    /** {@code B11/IRCS}, or the bare code for services without items. */
    public String key() {
        return item == null ? code : code + "/" + item;
    }

    public boolean nationwide() {
        return coverage.contains(NATIONWIDE);
    }
}
