package org.kaifang.applications;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The applicant's wizard steps over a draft, in order. The first three edit a section of the draft's determination
 * request (the same data the API carries); documents are the rule pack's checklist; review shows the determination and
 * submits.
 */
public enum DraftStep {
    COMPANY,
    OWNERSHIP,
    SERVICES,
    DOCUMENTS,
    REVIEW;

    /** The step's name in addresses: {@code company}, {@code ownership}, ... */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The step named {@code slug}, if there is one. */
    public static Optional<DraftStep> of(String slug) {
        return Arrays.stream(values()).filter(s -> s.slug().equals(slug)).findFirst();
    }

    /** Whether the step edits a section of the request. */
    public boolean editsRequest() {
        return this == COMPANY || this == OWNERSHIP || this == SERVICES;
    }

    /** The step before this one, if any. */
    public Optional<DraftStep> previous() {
        return ordinal() == 0 ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }

    /** The step after this one, if any. */
    public Optional<DraftStep> next() {
        return ordinal() == values().length - 1 ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }
}
