package org.kaifang.licensing;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One service a licence covers.
 *
 * @param code the catalogue code, e.g. {@code B11}
 * @param item the licensable item, e.g. {@code IRCS}; {@code null} for services without items
 * @param coverage {@code CN} for nationwide, or province-level (for IDC, city-level) division codes
 */
public record LicensedService(String code, @Nullable String item, List<String> coverage) {

    public LicensedService {
        coverage = List.copyOf(coverage);
    }

    /** {@code B11/IRCS}, or the bare code for services without items. */
    public String key() {
        return item == null ? code : code + "/" + item;
    }
}
