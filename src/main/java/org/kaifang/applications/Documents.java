package org.kaifang.applications;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import org.kaifang.eligibility.EligibilityCheck;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents of licence applications: the rule pack's list for each application type, uploads (PDF, PNG or JPEG,
 * recognised by content, with a SHA-256), and downloads. Access is exactly the application's: whoever may see an
 * application may list and download its documents, and anyone else is told it does not exist. Only its applicant
 * adds documents, replacing them while it is a draft and adding versions while a correction is requested.
 */
@Service
public class Documents {

    private final Applications applications;
    private final DocumentStore store;
    private final DocumentContents contents;
    private final EligibilityCheck eligibility;
    private final ApplicationEventPublisher events;
    private final DocumentSettings settings;
    private final Clock clock;

    Documents(
            Applications applications,
            DocumentStore store,
            DocumentContents contents,
            EligibilityCheck eligibility,
            ApplicationEventPublisher events,
            DocumentSettings settings,
            Clock clock) {
        this.applications = applications;
        this.store = store;
        this.contents = contents;
        this.eligibility = eligibility;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        requirements().check();
    }

    /** The largest file accepted, in bytes ({@code kaifang.documents.max-bytes}). */
    public long maxBytes() {
        return settings.maxBytes().toBytes();
    }

    /**
     * Every version of every document of the application, by kind, oldest version first.
     *
     * @throws ApplicationNotFound when there is none, or the actor may not see it
     */
    public List<ApplicationDocument> list(Actor actor, ApplicationId id) {
        return store.of(applications.get(actor, id).id());
    }

    /**
     * The application's documents against the rule pack's list for its type.
     *
     * @throws ApplicationNotFound when the actor may not see the application
     */
    public DocumentChecklist checklist(Actor actor, LicenceApplication application) {
        if (!application.visibleTo(actor)) {
            throw new ApplicationNotFound(application.id());
        }
        var folder = new DocumentFolder(application, store.of(application.id()));
        var on = legalDate(application);
        var requirements = requirements();
        var required = requirements.required(application.type(), on);
        var kinds = new LinkedHashSet<>(requirements.kinds(application.type(), on));
        folder.documents().forEach(d -> kinds.add(d.kind()));
        var entries = new ArrayList<DocumentChecklist.Entry>();
        for (var kind : kinds) {
            entries.add(new DocumentChecklist.Entry(
                    kind,
                    requirements.name(kind),
                    required.contains(kind),
                    folder.documents().stream()
                            .filter(d -> d.kind().equals(kind))
                            .toList()));
        }
        return new DocumentChecklist(
                application.id(),
                application.status(),
                folder.open(actor),
                application.status() == ApplicationStatus.DRAFT,
                entries,
                requirements.basis(application.type(), on).orElse(null),
                maxBytes());
    }

    /**
     * Adds a document of {@code kind} to the application: the first of its kind, a replacement in a draft, or the next
     * version while a correction is requested.
     *
     * @param fileName the name the uploader gave; kept, sanitised, as display text only
     * @throws ApplicationNotFound when the actor may not see the application
     * @throws ActionRefused FORBIDDEN when the actor is not its applicant; CONFLICT when its state allows no upload
     * @throws DocumentRefused when the content is empty, too large, not a PDF, PNG or JPEG, or a polyglot, or the kind
     *     is not one of the application's
     */
    @Transactional
    public ApplicationDocument add(Actor actor, ApplicationId id, String kind, String fileName, byte[] content) {
        applications.get(actor, id);
        store.lock(id);
        var application = applications.get(actor, id);
        var folder = new DocumentFolder(application, store.of(id));
        var placement = folder.place(actor, kind, requirements().kinds(application.type(), legalDate(application)));
        var format = ContentSniffing.detect(content, maxBytes());
        var now = clock.instant();
        var document = new ApplicationDocument(
                DocumentId.random(),
                id,
                kind,
                placement.version(),
                format,
                content.length,
                sha256(content),
                DisplayName.of(fileName, kind.toLowerCase(java.util.Locale.ROOT) + "." + format.extension()),
                actor.user(),
                actor.username(),
                now);
        DocumentId replaced = null;
        if (placement instanceof DocumentFolder.Placement.Replacing r) {
            replaced = r.replaced().id();
            store.delete(replaced);
            contents.delete(replaced);
        }
        store.insert(document);
        contents.write(document.id(), content);
        events.publishEvent(new DocumentAdded(
                id,
                document.id(),
                kind,
                document.version(),
                document.sha256(),
                document.size(),
                actor.user(),
                actor.username(),
                now,
                replaced));
        return document;
    }

    /** A document's metadata and content, for a download. */
    public record Download(ApplicationDocument document, byte[] content) {}

    /**
     * The document with its content.
     *
     * @throws ApplicationNotFound when the actor may not see the application
     * @throws DocumentNotFound when the application has no such document
     */
    public Download download(Actor actor, ApplicationId id, DocumentId document) {
        var application = applications.get(actor, id);
        var found = store.find(application.id(), document).orElseThrow(() -> new DocumentNotFound(document));
        return new Download(found, contents.read(found.id()));
    }

    private DocumentRequirements requirements() {
        return new DocumentRequirements(eligibility.pack());
    }

    /** The date the required list is read on: the submission's, once submitted, so the list stays what it was. */
    private LocalDate legalDate(LicenceApplication application) {
        var submission = application.submission();
        return LicenceApplication.date(submission != null ? submission.at() : clock.instant());
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
