package org.kaifang.rules;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A legal instrument the rule pack draws on: a law, regulation, order, notice or list.
 *
 * @param id the pack's id, e.g. {@code MIIT-2024-107}
 * @param title the official title and its English rendering
 * @param number the document number, e.g. {@code 工信部通信函〔2024〕107号}
 * @param dated the date the document bears
 * @param effectiveFrom the first day it has legal effect
 * @param effectiveTo the last day it has legal effect; {@code null} while in force
 * @param url the official or best available text
 * @param confidence how sure the pack is of these facts
 */
public record Instrument(
        String id,
        Bilingual title,
        @Nullable String number,
        @Nullable LocalDate dated,
        LocalDate effectiveFrom,
        @Nullable LocalDate effectiveTo,
        @Nullable String url,
        Confidence confidence) {

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /** A citation of this instrument at {@code article}. */
    public Citation cite(@Nullable String article) {
        var document = number == null ? title.zh() : title.zh() + "（" + number + "）";
        return new Citation(id, document, article, url);
    }
}
