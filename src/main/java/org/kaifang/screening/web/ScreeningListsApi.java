package org.kaifang.screening.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.kaifang.screening.ImportTooLarge;
import org.kaifang.screening.ListFormat;
import org.kaifang.screening.ListImport;
import org.kaifang.screening.ListImportProblem;
import org.kaifang.screening.ListImports;
import org.kaifang.screening.ListVersion;
import org.kaifang.screening.ScreeningLists;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/v1/screening/lists}: import a list file as a new version (authenticated), and list the stored versions
 * with their digests (public).
 */
@RestController
@Tag(name = "Screening lists", description = "Imported restricted-party lists and their versions")
class ScreeningListsApi {

    static final String PATH = "/api/v1/screening/lists";

    private final ListImports imports;
    private final ScreeningLists lists;

    ScreeningListsApi(ListImports imports, ScreeningLists lists) {
        this.imports = imports;
        this.lists = lists;
    }

    @PostMapping(
            path = PATH,
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Import a list file (multipart: file, format opensanctions-csv|ftm, optional listId)",
            description = "201 with the new version; 200 when the list already holds the same bytes; 400 naming the"
                    + " row and field of every problem; 413 when the file is larger than"
                    + " kaifang.screening.max-import-bytes.")
    ResponseEntity<Map<String, Object>> upload(
            @RequestPart("file") MultipartFile file,
            @RequestParam(name = "format", required = false) @Nullable String format,
            @RequestParam(name = "listId", required = false) @Nullable String listId)
            throws IOException {
        var chosen = format(format, file.getOriginalFilename());
        if (file.getSize() > imports.maxBytes()) {
            throw new ImportTooLarge(file.getSize(), imports.maxBytes());
        }
        return created(imports.add(file.getBytes(), chosen, listId, file.getOriginalFilename()));
    }

    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Import a list file sent as the raw body (?format=opensanctions-csv|ftm, optional listId,"
                    + " fileName)")
    ResponseEntity<Map<String, Object>> uploadBody(
            HttpServletRequest request,
            @RequestParam(name = "format", required = false) @Nullable String format,
            @RequestParam(name = "listId", required = false) @Nullable String listId,
            @RequestParam(name = "fileName", required = false) @Nullable String fileName)
            throws IOException {
        var chosen = format(format, fileName);
        var max = imports.maxBytes();
        byte[] content;
        try (var in = request.getInputStream()) {
            content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        }
        if (content.length > max) {
            throw new ImportTooLarge(
                    request.getContentLengthLong() > 0 ? request.getContentLengthLong() : max + 1, max);
        }
        return created(imports.add(content, chosen, listId, fileName));
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The lists screened against now, and every stored version with its digest")
    Map<String, Object> versions() {
        var current = new HashSet<>(lists.lists());
        var body = new LinkedHashMap<String, Object>();
        body.put(
                "current",
                lists.lists().stream()
                        .map(r -> Map.of("id", r.id(), "version", r.version(), "digest", r.digest()))
                        .toList());
        body.put(
                "versions",
                imports.versions().stream()
                        .map(v -> json(v, current.contains(v.ref())))
                        .toList());
        return body;
    }

    private static ListFormat format(@Nullable String format, @Nullable String fileName) {
        if (format == null || format.isBlank()) {
            throw new ListImportProblem(
                    fileName == null ? "upload" : fileName, 0, "format", "missing: opensanctions-csv or ftm");
        }
        return ListFormat.named(format.strip())
                .orElseThrow(() -> new ListImportProblem(
                        fileName == null ? "upload" : fileName,
                        0,
                        "format",
                        "'" + format + "' is not opensanctions-csv or ftm"));
    }

    private static ResponseEntity<Map<String, Object>> created(ListImport done) {
        var body = json(done.version(), true);
        body.put("added", done instanceof ListImport.Added);
        return switch (done) {
            case ListImport.Added added ->
                ResponseEntity.created(URI.create(PATH)).body(body);
            case ListImport.Unchanged unchanged -> ResponseEntity.ok(body);
        };
    }

    private static Map<String, Object> json(ListVersion v, boolean current) {
        var body = new LinkedHashMap<String, Object>();
        body.put("id", v.ref().id());
        body.put("version", v.ref().version());
        body.put("digest", v.ref().digest());
        body.put("format", v.format().id());
        body.put("fileName", v.fileName());
        body.put("entries", v.entries());
        body.put("warningCount", v.warningCount());
        body.put("warnings", v.warnings());
        body.put("importedAt", v.importedAt().toString());
        body.put("currentSince", v.currentSince().toString());
        body.put("current", current);
        return body;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(ListImportProblem e) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The list file has " + e.count() + " problem(s); nothing was imported.");
        problem.setType(URI.create("urn:kaifang:problem:invalid-list-file"));
        problem.setTitle("Invalid list file");
        problem.setInstance(URI.create(PATH));
        problem.setProperty("errors", errors(e.problems()));
        if (e.count() > e.problems().size()) {
            problem.setProperty("omitted", e.count() - e.problems().size());
        }
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static List<Map<String, Object>> errors(List<ListImportProblem> problems) {
        return problems.stream()
                .map(p -> {
                    var error = new LinkedHashMap<String, Object>();
                    error.put("row", p.row());
                    if (p.field() != null) {
                        error.put("field", p.field());
                    }
                    error.put("message", p.describe());
                    return (Map<String, Object>) error;
                })
                .toList();
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(ImportTooLarge e) {
        return tooLarge(e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(MaxUploadSizeExceededException e) {
        return tooLarge("The upload is larger than the server accepts (kaifang.screening.max-import-bytes: "
                + imports.maxBytes() + " bytes)");
    }

    private static ResponseEntity<ProblemDetail> tooLarge(@Nullable String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail);
        problem.setType(URI.create("urn:kaifang:problem:list-file-too-large"));
        problem.setTitle("List file too large");
        problem.setInstance(URI.create(PATH));
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
