package org.kaifang.licensing.web;

import jakarta.servlet.http.HttpServletRequest;
import org.kaifang.licensing.LicenceRefused;
import org.kaifang.web.InputProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Maps the licences, annual-report and credit-list APIs' refusals to RFC 9457 problem details: 400 naming the fields, 403, 404 and 409. */
@RestControllerAdvice(assignableTypes = {LicencesApi.class, ReportsAndListsApi.class})
class LicencesApiErrors {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(LicenceRefused e, HttpServletRequest request) {
        var instance = InputProblems.instance(request, "/api/v1/licences");
        return switch (e.kind()) {
            case INVALID ->
                InputProblems.badRequest(
                        "invalid-licence-input",
                        "Invalid input",
                        "input",
                        instance,
                        e.problems().stream()
                                .map(p -> new InputProblems.Problem(
                                        p.field().isEmpty() ? "" : "/" + p.field(), p.message()))
                                .toList());
            case FORBIDDEN -> InputProblems.problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage(), instance);
            case CONFLICT -> InputProblems.problem(HttpStatus.CONFLICT, "conflict", e.getMessage(), instance);
            case NOT_FOUND -> InputProblems.problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage(), instance);
        };
    }
}
