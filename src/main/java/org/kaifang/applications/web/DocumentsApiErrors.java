package org.kaifang.applications.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.kaifang.applications.ActionRefused;
import org.kaifang.applications.ApplicationNotFound;
import org.kaifang.applications.DocumentNotFound;
import org.kaifang.applications.DocumentRefused;
import org.kaifang.web.InputProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Maps the documents API's failures to RFC 9457 problem details: 400 naming {@code file} or {@code kind}, 413 for a
 * file over the limit, 403, 404 and 409.
 */
@RestControllerAdvice(assignableTypes = DocumentsApi.class)
class DocumentsApiErrors {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(DocumentRefused e, HttpServletRequest request) {
        if (e.reason() == DocumentRefused.Reason.TOO_LARGE) {
            var response = problem(HttpStatus.CONTENT_TOO_LARGE, "document-too-large", e.getMessage(), request);
            response.getBody()
                    .setProperty("errors", List.of(java.util.Map.of("pointer", "/file", "message", e.getMessage())));
            return response;
        }
        return InputProblems.badRequest(
                "invalid-document",
                "The document cannot be accepted",
                "upload",
                instance(request),
                List.of(new InputProblems.Problem("/" + e.field(), e.getMessage())));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(InvalidApplicationInput e, HttpServletRequest request) {
        return InputProblems.badRequest(
                "invalid-document", "The document cannot be accepted", "upload", instance(request), e.problems());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "document-too-large", "The file is too large", request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(MultipartException e, HttpServletRequest request) {
        return InputProblems.badRequest(
                "invalid-document",
                "The document cannot be accepted",
                "upload",
                instance(request),
                List.of(new InputProblems.Problem("", "send multipart/form-data with the parts kind and file")));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(ActionRefused e, HttpServletRequest request) {
        var status = ApplicationsApi.status(e);
        return problem(status, status == HttpStatus.CONFLICT ? "conflict" : "forbidden", e.getMessage(), request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(ApplicationNotFound e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "No such application", request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(DocumentNotFound e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "No such document", request);
    }

    private static ResponseEntity<ProblemDetail> problem(
            HttpStatus status, String type, String detail, HttpServletRequest request) {
        return InputProblems.problem(status, type, detail, instance(request));
    }

    private static URI instance(HttpServletRequest request) {
        return InputProblems.instance(request, "/api/v1/applications");
    }
}
