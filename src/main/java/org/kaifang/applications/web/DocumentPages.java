package org.kaifang.applications.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.CurrentUser;
import org.kaifang.applications.ActionRefused;
import org.kaifang.applications.Actor;
import org.kaifang.applications.ApplicationId;
import org.kaifang.applications.ApplicationNotFound;
import org.kaifang.applications.DocumentNotFound;
import org.kaifang.applications.DocumentRefused;
import org.kaifang.applications.Documents;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The case page's document actions. {@code POST /applications/{id}/documents} uploads one (a multipart form with a
 * CSRF token) and returns to the case page's documents section, saying what happened; {@code GET
 * /applications/{id}/documents/{documentId}} downloads one. Access is the application's: 404 otherwise.
 */
@Controller
class DocumentPages {

    private final Documents documents;

    DocumentPages(Documents documents) {
        this.documents = documents;
    }

    @PostMapping("/applications/{id}/documents")
    String upload(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(name = "return", defaultValue = "") String returnTo,
            Authentication authentication) {
        var actor = actor(authentication);
        var app = parse(id);
        // The wizard's documents step uploads here too, and wants its own page back.
        var back = "wizard".equals(returnTo)
                ? "redirect:/applications/" + app + "/steps/documents?"
                : "redirect:/applications/" + app + "?";
        if (file == null || (file.isEmpty() && DocumentsApi.name(file).isEmpty())) {
            return back + "document-error=NO_FILE#" + DocumentsView.ANCHOR;
        }
        try {
            var added = documents.add(
                    actor, app, kind, DocumentsApi.name(file), DocumentsApi.bytes(file, documents.maxBytes()));
            return back + "uploaded=" + encode(added.kind()) + "#" + DocumentsView.ANCHOR;
        } catch (DocumentRefused e) {
            return back + "document-error=" + e.reason().name() + "#" + DocumentsView.ANCHOR;
        } catch (ActionRefused e) {
            if (e.kind() == ActionRefused.Kind.FORBIDDEN) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN);
            }
            return back + "document-error=CLOSED#" + DocumentsView.ANCHOR;
        } catch (ApplicationNotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    @GetMapping("/applications/{id}/documents/{documentId}")
    ResponseEntity<byte[]> download(
            @PathVariable String id, @PathVariable String documentId, Authentication authentication) {
        try {
            return DocumentDownloads.response(
                    documents.download(actor(authentication), parse(id), DocumentsApi.documentId(documentId)));
        } catch (ApplicationNotFound | DocumentNotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static Actor actor(Authentication authentication) {
        return CurrentUser.from(authentication)
                .map(Actor::of)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }

    private static ApplicationId parse(String id) {
        try {
            return ApplicationId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
