package org.kaifang.applications.web;

import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.CurrentUser;
import org.kaifang.applications.Actor;
import org.kaifang.applications.ApplicationId;
import org.kaifang.applications.ApplicationNotFound;
import org.kaifang.applications.Applications;
import org.kaifang.applications.Documents;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Gives the case page its documents section ({@code documents} in the model), beside what {@link ApplicationPages}
 * puts there. Pages without an application id, and applications the user may not see, get none; the page itself then
 * answers as it always does.
 */
@ControllerAdvice(assignableTypes = ApplicationPages.class)
class DocumentsModel {

    private final Applications applications;
    private final Documents documents;

    DocumentsModel(Applications applications, Documents documents) {
        this.applications = applications;
        this.documents = documents;
    }

    @ModelAttribute("documents")
    @Nullable
    DocumentsView documents(
            @PathVariable(required = false) @Nullable String id,
            @RequestParam(name = "uploaded", required = false) @Nullable String uploaded,
            @RequestParam(name = "document-error", required = false) @Nullable String error,
            @Nullable Authentication authentication) {
        if (id == null || authentication == null) {
            return null;
        }
        var user = CurrentUser.from(authentication);
        if (user.isEmpty()) {
            return null;
        }
        try {
            var actor = Actor.of(user.get());
            var application = applications.get(actor, ApplicationId.parse(id));
            return new DocumentsView(documents.checklist(actor, application), uploaded, error);
        } catch (ApplicationNotFound | IllegalArgumentException e) {
            return null;
        }
    }
}
