package org.kaifang.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A service of the Telecommunications Services Classification Catalogue, e.g. B11 Internet data centre.
 *
 * @param code the catalogue code, e.g. {@code B11} or {@code A12-4}
 * @param items the licensable items; empty when the service is licensed as a whole
 * @param from the first day the catalogue entry is in force
 * @param to the last day, or {@code null} while in force
 */
public record ServiceCategory(
        String code,
        Bilingual name,
        ServiceKind kind,
        List<ServiceItem> items,
        LocalDate from,
        @Nullable LocalDate to,
        Citation citation,
        Confidence confidence) {

    public ServiceCategory {
        items = List.copyOf(items);
    }

    public boolean hasItems() {
        return !items.isEmpty();
    }

    public Optional<ServiceItem> item(String itemCode) {
        return items.stream().filter(i -> i.code().equals(itemCode)).findFirst();
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }
}
