package org.kaifang.licensing;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A licence number in the published format (telecom-vas-brief §4.5): an optional prefix ({@code 合字} for a
 * foreign-invested licence issued by MIIT, a province's one-character abbreviation for a provincial licence, none for
 * MIIT's domestic cross-regional licences), the categories joined by "." in catalogue order, then {@code -YYYYNNNN}.
 * Examples: {@code 合字B1.B2-20250145}, {@code 沪B2-20190012}, {@code A2.B1-20180003}.
 *
 * @param prefix {@code 合字}, a province abbreviation, or empty
 * @param categories e.g. {@code [B1, B2]}
 * @param sequence the number within the prefix and year, from 1
 */
record LicenceNumber(String prefix, List<String> categories, int year, int sequence) {

    private static final Pattern FORM =
            Pattern.compile("(合字|试点|\\p{IsHan})?([A-Z][0-9](?:\\.[A-Z][0-9])*)-([0-9]{4})([0-9]{4,6})");

    /** Categories in catalogue order: A before B, then by number. */
    static final Comparator<String> CATALOGUE_ORDER = Comparator.naturalOrder();

    LicenceNumber {
        categories = categories.stream().distinct().sorted(CATALOGUE_ORDER).toList();
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("A licence number names at least one category");
        }
        if (sequence < 1 || sequence > 999_999) {
            throw new IllegalArgumentException("A licence number's sequence is 1 to 999999: " + sequence);
        }
    }

    /** The number a string is, if it has the published format. */
    static Optional<LicenceNumber> parse(String number) {
        var m = FORM.matcher(number);
        if (!m.matches()) {
            return Optional.empty();
        }
        var prefix = m.group(1) == null ? "" : m.group(1);
        return Optional.of(new LicenceNumber(
                prefix, List.of(m.group(2).split("\\.")), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
    }

    /** The category of a service code: {@code B11} and {@code B12} are in {@code B1}. */
    static String category(String serviceCode) {
        if (serviceCode.length() < 2) {
            throw new IllegalArgumentException("Not a service code: " + serviceCode);
        }
        return serviceCode.substring(0, 2);
    }

    @Override
    public String toString() {
        return prefix + String.join(".", categories) + "-" + year + String.format("%04d", sequence);
    }

    /** The categories as printed, e.g. {@code B1.B2}. */
    String categoryText() {
        return categories.stream().collect(Collectors.joining("."));
    }
}
