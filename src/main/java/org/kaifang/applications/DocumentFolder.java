package org.kaifang.applications;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kaifang.accounts.Role;

/**
 * An application's documents and the rules for adding one. While the application is a draft, its applicant adds a
 * document or replaces the one of the same kind. Once submitted, nothing is replaced: while a correction is requested
 * an upload adds the next version of its kind, and the earlier versions stay. In any other state nothing is added.
 *
 * @param documents every version kept, in any order
 */
record DocumentFolder(LicenceApplication application, List<ApplicationDocument> documents) {

    DocumentFolder {
        documents = List.copyOf(documents);
    }

    /** Where an upload goes: the first of its kind, in place of a draft's document, or as a correction's version. */
    sealed interface Placement {

        int version();

        /** The first document of its kind. */
        record First() implements Placement {
            @Override
            public int version() {
                return 1;
            }
        }

        /** In a draft: replaces the document of the same kind, which is deleted. */
        record Replacing(ApplicationDocument replaced) implements Placement {
            @Override
            public int version() {
                return replaced.version();
            }
        }

        /** During a correction: the next version of the kind; the earlier ones stay. */
        record NextVersion(int version) implements Placement {}
    }

    /** Whether {@code actor} may add documents now. */
    boolean open(Actor actor) {
        return mayUpload(actor)
                && (application.status() == ApplicationStatus.DRAFT
                        || application.status() == ApplicationStatus.CORRECTION_REQUESTED);
    }

    /**
     * Where a document of {@code kind} by {@code actor} goes.
     *
     * @param kinds the kinds this application may have
     * @throws ActionRefused FORBIDDEN when the actor is not an applicant of the applying organisation; CONFLICT when
     *     the application's state allows no upload
     * @throws DocumentRefused when {@code kind} is not one of {@code kinds}
     */
    Placement place(Actor actor, String kind, Set<String> kinds) {
        if (!mayUpload(actor)) {
            throw ActionRefused.forbidden("Only an applicant of the applying organisation may add documents");
        }
        if (!kinds.contains(kind)) {
            throw new DocumentRefused(
                    DocumentRefused.Reason.UNKNOWN_KIND,
                    "'" + kind + "' is not a document kind of this application; use one of "
                            + kinds.stream().sorted().toList());
        }
        var latest = latest(kind);
        return switch (application.status()) {
            case DRAFT -> latest.<Placement>map(Placement.Replacing::new).orElseGet(Placement.First::new);
            case CORRECTION_REQUESTED ->
                latest.<Placement>map(d -> new Placement.NextVersion(d.version() + 1))
                        .orElseGet(Placement.First::new);
            case SUBMITTED, ACCEPTED, UNDER_REVIEW, RECOMMENDED, APPROVED, REFUSED, WITHDRAWN ->
                throw ActionRefused.conflict("Documents cannot be added or replaced while the application is "
                        + application.status()
                        + ": after submission a document is never replaced, and a new version is added only in"
                        + " answer to a correction request");
        };
    }

    /** The latest version of {@code kind}, if any. */
    Optional<ApplicationDocument> latest(String kind) {
        return documents.stream()
                .filter(d -> d.kind().equals(kind))
                .max(Comparator.comparingInt(ApplicationDocument::version));
    }

    private boolean mayUpload(Actor actor) {
        return actor.has(Role.APPLICANT) && actor.organisation().equals(application.applicant());
    }
}
