package org.kaifang.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.kaifang.applications.Actors.APPLICANT_A;
import static org.kaifang.applications.Actors.APPLICANT_B;
import static org.kaifang.applications.Actors.OFFICER;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kaifang.calendar.ClockUnit;
import org.kaifang.calendar.TimeLimit;

/** The version rules: replace in a draft, a new version during a correction, nothing otherwise. */
class DocumentFolderTests {

    private static final Instant AT = Instant.parse("2025-03-03T02:00:00Z");
    private static final Set<String> KINDS = Set.of("BUSINESS_LICENCE", "ARTICLES");

    private static LicenceApplication draft() {
        return LicenceApplication.draft(
                ApplicationId.random(), ApplicationType.NEW_LICENCE, APPLICANT_A, "Harbour Cloud", "{}", AT);
    }

    private static LicenceApplication submitted() {
        return draft().submit(
                        APPLICANT_A,
                        new LicenceApplication.Submission(AT, "det-1", "PERMITTED", "telecom-vas 1.0.0"),
                        new TimeLimit(5, ClockUnit.WORKING),
                        AT);
    }

    private static LicenceApplication correctionRequested() {
        return submitted().requestCorrection(OFFICER, "The articles are unsigned", AT.plusSeconds(3600));
    }

    private static ApplicationDocument document(LicenceApplication a, String kind, int version) {
        return new ApplicationDocument(
                DocumentId.random(),
                a.id(),
                kind,
                version,
                DocumentFormat.PDF,
                100,
                "0".repeat(64),
                kind + ".pdf",
                APPLICANT_A.user(),
                APPLICANT_A.username(),
                AT);
    }

    @Test
    void theFirstDocumentOfAKindIsVersionOne() {
        var placement = new DocumentFolder(draft(), List.of()).place(APPLICANT_A, "ARTICLES", KINDS);

        assertThat(placement).isInstanceOf(DocumentFolder.Placement.First.class);
        assertThat(placement.version()).isEqualTo(1);
    }

    @Test
    void aDraftsDocumentIsReplaced() {
        var draft = draft();
        var articles = document(draft, "ARTICLES", 1);

        var placement = new DocumentFolder(draft, List.of(articles)).place(APPLICANT_A, "ARTICLES", KINDS);

        assertThat(placement).isEqualTo(new DocumentFolder.Placement.Replacing(articles));
        assertThat(placement.version()).isEqualTo(1);
    }

    @Test
    void afterSubmissionNothingIsReplacedOrAdded() {
        var submitted = submitted();
        var folder = new DocumentFolder(submitted, List.of(document(submitted, "ARTICLES", 1)));

        var refused = catchThrowableOfType(ActionRefused.class, () -> folder.place(APPLICANT_A, "ARTICLES", KINDS));
        var added =
                catchThrowableOfType(ActionRefused.class, () -> folder.place(APPLICANT_A, "BUSINESS_LICENCE", KINDS));

        assertThat(refused.kind()).isEqualTo(ActionRefused.Kind.CONFLICT);
        assertThat(refused.getMessage()).contains("never replaced");
        assertThat(added.kind()).isEqualTo(ActionRefused.Kind.CONFLICT);
        assertThat(folder.open(APPLICANT_A)).isFalse();
    }

    @Test
    void aCorrectionAddsTheNextVersionAndKeepsTheEarlierOnes() {
        var correcting = correctionRequested();
        var documents = new ArrayList<>(List.of(document(correcting, "ARTICLES", 1)));

        var second = new DocumentFolder(correcting, documents).place(APPLICANT_A, "ARTICLES", KINDS);
        documents.add(document(correcting, "ARTICLES", second.version()));
        var third = new DocumentFolder(correcting, documents).place(APPLICANT_A, "ARTICLES", KINDS);

        assertThat(second).isEqualTo(new DocumentFolder.Placement.NextVersion(2));
        assertThat(third).isEqualTo(new DocumentFolder.Placement.NextVersion(3));
        assertThat(new DocumentFolder(correcting, documents).latest("ARTICLES"))
                .hasValueSatisfying(d -> assertThat(d.version()).isEqualTo(2));
        assertThat(new DocumentFolder(correcting, documents).open(APPLICANT_A)).isTrue();
    }

    @Test
    void aKindMissingAtSubmissionCanBeAddedDuringACorrection() {
        var placement = new DocumentFolder(correctionRequested(), List.of()).place(APPLICANT_A, "ARTICLES", KINDS);

        assertThat(placement).isInstanceOf(DocumentFolder.Placement.First.class);
    }

    @Test
    void onlyTheApplyingCompanysApplicantsAddDocuments() {
        var folder = new DocumentFolder(draft(), List.of());

        assertThat(catchThrowableOfType(ActionRefused.class, () -> folder.place(OFFICER, "ARTICLES", KINDS))
                        .kind())
                .isEqualTo(ActionRefused.Kind.FORBIDDEN);
        assertThat(catchThrowableOfType(ActionRefused.class, () -> folder.place(APPLICANT_B, "ARTICLES", KINDS))
                        .kind())
                .isEqualTo(ActionRefused.Kind.FORBIDDEN);
        assertThat(folder.open(OFFICER)).isFalse();
        assertThat(folder.open(APPLICANT_A)).isTrue();
    }

    @Test
    void aKindTheApplicationDoesNotHaveIsRefused() {
        var refused = catchThrowableOfType(
                DocumentRefused.class, () -> new DocumentFolder(draft(), List.of()).place(APPLICANT_A, "CV", KINDS));

        assertThat(refused.reason()).isEqualTo(DocumentRefused.Reason.UNKNOWN_KIND);
        assertThat(refused.field()).isEqualTo("kind");
    }

    @Test
    void aWithdrawnApplicationTakesNoDocuments() {
        var withdrawn = draft().withdraw(APPLICANT_A, "Changed our plans", AT);

        assertThat(catchThrowableOfType(
                                ActionRefused.class,
                                () -> new DocumentFolder(withdrawn, List.of()).place(APPLICANT_A, "ARTICLES", KINDS))
                        .kind())
                .isEqualTo(ActionRefused.Kind.CONFLICT);
    }
}
