package org.kaifang.applications.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.kaifang.applications.ActionRefused;
import org.kaifang.applications.ApplicationNotFound;
import org.kaifang.applications.DraftIncomplete;
import org.kaifang.applications.DraftStep;
import org.kaifang.applications.InvalidDraft;
import org.kaifang.eligibility.InvalidRequest;
import org.kaifang.web.InputProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the applications API's failures to RFC 9457 problem details: 400, 403, 404 and 409. */
@RestControllerAdvice(assignableTypes = {ApplicationsApi.class, DraftsApi.class})
class ApplicationsApiErrors {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(InvalidApplicationInput e, HttpServletRequest request) {
        return InputProblems.badRequest(
                "invalid-application", "Invalid input", "input", instance(request), e.problems());
    }

    /** The stored request fails validation when it is judged on submission: its problems point into {@code /request}. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(InvalidRequest e, HttpServletRequest request) {
        return InputProblems.badRequest(
                "invalid-request",
                "The application's request is invalid",
                "application's determination request",
                instance(request),
                e.problems().stream()
                        .map(p -> new InputProblems.Problem("/request" + p.pointer(), p.message()))
                        .toList());
    }

    /** A wizard step's section with problems: each at its pointer into the request, nothing saved. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(InvalidDraft e, HttpServletRequest request) {
        return InputProblems.badRequest(
                "invalid-draft-step",
                "Invalid input",
                e.step().slug() + " step",
                instance(request),
                e.problems().stream()
                        .map(p -> new InputProblems.Problem(p.pointer(), p.message()))
                        .toList());
    }

    /** A submission through the wizard before the draft is complete: 409, saying what is missing. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(DraftIncomplete e, HttpServletRequest request) {
        var response = problem(HttpStatus.CONFLICT, "draft-incomplete", e.getMessage(), request);
        var body = response.getBody();
        if (body != null) {
            body.setProperty(
                    "incompleteSteps",
                    e.progress().blocking().stream().map(DraftStep::slug).toList());
            body.setProperty("missingDocuments", e.progress().missingDocuments());
        }
        return response;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(ActionRefused e, HttpServletRequest request) {
        if (e.kind() == ActionRefused.Kind.INVALID) {
            return InputProblems.badRequest(
                    "invalid-application",
                    "Invalid input",
                    "input",
                    instance(request),
                    List.of(new InputProblems.Problem("/" + e.field(), e.getMessage())));
        }
        var status = ApplicationsApi.status(e);
        return problem(status, status == HttpStatus.CONFLICT ? "conflict" : "forbidden", e.getMessage(), request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(ApplicationNotFound e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "No such application", request);
    }

    private static ResponseEntity<ProblemDetail> problem(
            HttpStatus status, String type, String detail, HttpServletRequest request) {
        return InputProblems.problem(status, type, detail, instance(request));
    }

    private static URI instance(HttpServletRequest request) {
        return InputProblems.instance(request, "/api/v1/applications");
    }
}
