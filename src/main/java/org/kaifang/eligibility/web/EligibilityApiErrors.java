package org.kaifang.eligibility.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.kaifang.eligibility.InvalidRequest;
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
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The request has " + e.problems().size() + " problem(s).");
        problem.setType(URI.create("urn:kaifang:problem:invalid-request"));
        problem.setTitle("Invalid request");
        problem.setInstance(instance(request));
        problem.setProperty(
                "errors",
                e.problems().stream()
                        .map(p -> Map.of("pointer", p.pointer(), "message", p.message()))
                        .toList());
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
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
