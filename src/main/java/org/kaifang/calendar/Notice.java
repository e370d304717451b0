package org.kaifang.calendar;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The State Council notice that sets a year's holidays (国务院办公厅关于…年部分节假日安排的通知).
 *
 * @param title the Chinese title; {@code null} when only the URL is known (imported files)
 * @param number the document number, e.g. 国办发明电〔2024〕12号; {@code null} when not known
 * @param date the date of the notice; {@code null} when not known
 * @param unverified which facts ({@code number}, {@code date}, {@code url}, {@code days}) were not checked against the
 *     notice or the domain brief and come from memory or a secondary source
 * @param note where the facts come from, in English
 */
public record Notice(
        @Nullable String title,
        @Nullable String number,
        @Nullable LocalDate date,
        String url,
        List<String> unverified,
        String note) {

    public Notice {
        unverified = List.copyOf(unverified);
    }
}
