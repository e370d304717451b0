package org.kaifang.eligibility.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.kaifang.eligibility.InvalidRequest;
import org.kaifang.web.InputProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the eligibility API's failures to RFC 9457 problem details. */
@RestControllerAdvice(assignableTypes = {DeterminationsApi.class, RulesApi.class})
class EligibilityApiErrors {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(InvalidRequest e, HttpServletRequest request) {
        return InputProblems.badRequest(
                "invalid-request",
                "Invalid request",
                "request",
                instance(request),
                e.problems().stream()
                        .map(p -> new InputProblems.Problem(p.pointer(), p.message()))
                        .toList());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(DeterminationNotFound e, HttpServletRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setType(URI.create("urn:kaifang:problem:not-found"));
        problem.setTitle("Not found");
        problem.setInstance(instance(request));
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static URI instance(HttpServletRequest request) {
        try {
            return URI.create(request.getRequestURI());
        } catch (IllegalArgumentException e) {
            return URI.create("/api/v1");
        }
    }
}
