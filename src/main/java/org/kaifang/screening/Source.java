package org.kaifang.screening;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Where a fact about a listing comes from: a description of the source, its address when there is one, and how well
 * the fact is supported.
 */
public record Source(String description, @Nullable URI url, Confidence confidence) {

    public Source {
        if (description.isBlank()) {
            throw new IllegalArgumentException("A source needs a description");
        }
    }
}
