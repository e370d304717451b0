package org.kaifang.rules;

import org.jspecify.annotations.Nullable;

/**
 * A reference to a provision: the document, the article or item, and where it can be read.
 *
 * @param instrument the rule pack's id of the legal instrument, e.g. {@code NL-2024}
 * @param document the document's title and number as cited
 * @param article the article or item, e.g. {@code 第十二项 / item 12}; {@code null} when the whole document is meant
 * @param url where the text can be read; {@code null} when no stable address is known
 */
public record Citation(
        String instrument,
        String document,
        @Nullable String article,
        @Nullable String url) {}
