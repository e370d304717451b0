package org.kaifang.applications;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.kaifang.rules.Bilingual;
import org.kaifang.rules.DatedValue;

/**
 * An application's documents against the rule pack's list for its type: each required kind, present or missing, then
 * every other kind the applicant has added or may add, each with its versions (oldest first).
 *
 * @param uploadAllowed whether the actor the checklist was made for may add a document now
 * @param replacing whether an upload replaces the document of its kind (a draft), rather than adding a version
 * @param basis the pack's value the required list comes from, with its citation, confidence and note; {@code null}
 *     when the pack has no list for this type on this date
 * @param maxBytes the largest file accepted
 */
public record DocumentChecklist(
        ApplicationId application,
        ApplicationStatus status,
        boolean uploadAllowed,
        boolean replacing,
        List<Entry> entries,
        @Nullable DatedValue basis,
        long maxBytes) {

    public DocumentChecklist {
        entries = List.copyOf(entries);
    }

    /** A kind of document: its name in both languages, whether it is required, and the versions kept. */
    public record Entry(String kind, Bilingual name, boolean required, List<ApplicationDocument> versions) {

        public Entry {
            versions = List.copyOf(versions);
        }

        public boolean present() {
            return !versions.isEmpty();
        }

        /** The latest version, the one that counts. */
        public Optional<ApplicationDocument> latest() {
            return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
        }
    }

    /** The required kinds with no document yet. */
    public List<String> missing() {
        return entries.stream()
                .filter(e -> e.required() && !e.present())
                .map(Entry::kind)
                .toList();
    }
}
