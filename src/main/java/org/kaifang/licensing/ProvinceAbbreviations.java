package org.kaifang.licensing;

import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one-character abbreviation of each province-level division that prefixes a provincial licence number (京B2-…),
 * from table {@code licensing.province_abbreviation} (migration V10, which names the source).
 */
@Component
class ProvinceAbbreviations {

    private final JdbcClient jdbc;
    private volatile Map<String, String> byCode = Map.of();

    ProvinceAbbreviations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The abbreviation of the province that {@code division} lies in.
     *
     * @throws IllegalStateException when the province has none (Hong Kong, Macau, Taiwan: no Chinese licence applies)
     */
    String of(String division) {
        var codes = byCode;
        if (codes.isEmpty()) {
            codes = jdbc
                    .sql("select code, abbreviation from licensing.province_abbreviation")
                    .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .list()
                    .stream()
                    .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
            byCode = codes;
        }
        var province = division.substring(0, 2) + "0000";
        var abbreviation = codes.get(province);
        if (abbreviation == null) {
            throw new IllegalStateException("No licence-number abbreviation for division " + division);
        }
        return abbreviation;
    }
}
