package org.kaifang.applications.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import org.jspecify.annotations.Nullable;
import org.kaifang.accounts.CurrentUser;
import org.kaifang.applications.ActionRefused;
import org.kaifang.applications.Actor;
import org.kaifang.applications.ApplicationDocument;
import org.kaifang.applications.ApplicationId;
import org.kaifang.applications.ApplicationNotFound;
import org.kaifang.applications.DocumentChecklist;
import org.kaifang.applications.DocumentId;
import org.kaifang.applications.DocumentNotFound;
import org.kaifang.applications.DocumentRefused;
import org.kaifang.applications.Documents;
import org.kaifang.web.InputProblems;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/v1/applications/{id}/documents}: upload a document ({@code multipart/form-data} with {@code kind} and
 * {@code file}), list them against the rule pack's required list, and download one. Access is the application's: 404
 * for an application the caller may not see.
 */
@RestController
@RequestMapping(path = "/api/v1/applications/{id}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
class DocumentsApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Documents documents;
    private final org.kaifang.applications.Applications applications;

    DocumentsApi(Documents documents, org.kaifang.applications.Applications applications) {
        this.documents = documents;
        this.applications = applications;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<String> upload(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String kind,
            @RequestPart(required = false) @Nullable MultipartFile file,
            Authentication authentication) {
        var actor = actor(authentication);
        var app = id(id);
        var problems = new ArrayList<InputProblems.Problem>();
        if (kind == null || kind.isBlank()) {
            problems.add(new InputProblems.Problem("/kind", "is required: the document kind, e.g. ARTICLES"));
        }
        if (file == null) {
            problems.add(new InputProblems.Problem("/file", "is required: the document, a PDF, PNG or JPEG file"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidApplicationInput(problems);
        }
        var added = documents.add(actor, app, kind.strip(), name(file), bytes(file, documents.maxBytes()));
        return ResponseEntity.created(URI.create(path(added)))
                .contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsString(json(added)));
    }

    @GetMapping
    String list(@PathVariable String id, Authentication authentication) {
        var actor = actor(authentication);
        var checklist = documents.checklist(actor, applications.get(actor, id(id)));
        return JSON.writeValueAsString(json(checklist));
    }

    @GetMapping(path = "/{documentId}", produces = MediaType.ALL_VALUE)
    ResponseEntity<byte[]> download(
            @PathVariable String id, @PathVariable String documentId, Authentication authentication) {
        return DocumentDownloads.response(documents.download(actor(authentication), id(id), documentId(documentId)));
    }

    static ObjectNode json(DocumentChecklist checklist) {
        var node = JSON.createObjectNode();
        node.put("applicationId", checklist.application().toString());
        node.put("status", checklist.status().name());
        node.put("uploadAllowed", checklist.uploadAllowed());
        node.put("maxBytes", checklist.maxBytes());
        var basis = checklist.basis();
        if (basis != null) {
            var source = node.putObject("requiredBy");
            source.put("instrument", basis.citation().instrument());
            source.put("document", basis.citation().document());
            source.put("article", basis.citation().article());
            source.put("confidence", basis.confidence().name());
            source.put("from", basis.from().toString());
            if (basis.note() != null) {
                source.putObject("note")
                        .put("zh", basis.note().zh())
                        .put("en", basis.note().en());
            }
        }
        var kinds = node.putArray("kinds");
        var all = node.putArray("documents");
        for (var entry : checklist.entries()) {
            var k = kinds.addObject();
            k.put("kind", entry.kind());
            k.putObject("name")
                    .put("zh", entry.name().zh())
                    .put("en", entry.name().en());
            k.put("required", entry.required());
            k.put("present", entry.present());
            entry.latest().ifPresent(d -> k.put("latest", d.id().toString()));
            entry.versions().forEach(d -> all.add(json(d)));
        }
        var missing = node.putArray("missing");
        checklist.missing().forEach(missing::add);
        return node;
    }

    static ObjectNode json(ApplicationDocument d) {
        var node = JSON.createObjectNode();
        node.put("id", d.id().toString());
        node.put("kind", d.kind());
        node.put("version", d.version());
        node.put("contentType", d.format().mediaType());
        node.put("size", d.size());
        node.put("sha256", d.sha256());
        node.put("fileName", d.displayName());
        node.putObject("uploadedBy").put("id", d.uploadedBy()).put("username", d.uploadedByName());
        node.put("uploadedAt", d.uploadedAt().toString());
        node.put("href", path(d));
        return node;
    }

    private static String path(ApplicationDocument d) {
        return "/api/v1/applications/" + d.application() + "/documents/" + d.id();
    }

    static String name(MultipartFile file) {
        var original = file.getOriginalFilename();
        return original == null ? "" : original;
    }

    /** The file's bytes, refusing before reading one that is already known to be too large. */
    static byte[] bytes(MultipartFile file, long maxBytes) {
        if (file.getSize() > maxBytes) {
            throw DocumentRefused.tooLarge(file.getSize(), maxBytes);
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Actor actor(Authentication authentication) {
        return CurrentUser.from(authentication)
                .map(Actor::of)
                .orElseThrow(() -> new ActionRefused(
                        ActionRefused.Kind.FORBIDDEN, "", "Applications need a Kaifang user account"));
    }

    static ApplicationId id(String text) {
        try {
            return ApplicationId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ApplicationNotFound(new ApplicationId(new java.util.UUID(0, 0)));
        }
    }

    static DocumentId documentId(String text) {
        try {
            return DocumentId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new DocumentNotFound(new DocumentId(new java.util.UUID(0, 0)));
        }
    }
}
