package org.kaifang.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The State Council notice that sets a year's holidays (国务院办公厅关于…年部分节假日安排的通知).
 *
 * @param title the Chinese title; {@code null} when only the URL is known (imported files)
 * @param number the document number, e.g. 国办发明电〔2024〕12号; {@code null} when not known
 * @param date the date of the notice; {@code null} when not known
 * @param confidence how certain each fact is ({@code number}, {@code date}, {@code url}, {@code days}), with the
 *     marks of the domain brief: {@code V} seen in a primary text or two independent sources, {@code S} one secondary
 *     source, {@code I} inferred, {@code M} from memory
 * @param note where the facts come from, in English
 */
public record Notice(
        @Nullable String title,
        @Nullable String number,
        @Nullable LocalDate date,
        String url,
        Map<String, String> confidence,
        String note) {

    public Notice {
        confidence = Map.copyOf(confidence);
    }

    /** The facts not marked {@code V}, in a fixed order: what a reader should check against the notice. */
    public List<String> uncertain() {
        return Stream.of("number", "date", "url", "days")
                .filter(f -> !"V".equals(confidence.get(f)))
                .toList();
    }
}
