package org.kaifang.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one shape of a rejected API input: HTTP 400 {@code application/problem+json} with an {@code errors} array, each
 * naming its field by JSON pointer and saying what is wrong with it. Every module's API answers bad input this way.
 */
public final class InputProblems {

    /** One problem with the input: where, and what. */
    public record Problem(String pointer, String message) {}

    private InputProblems() {}

    /**
     * @param type the problem type's URN suffix, e.g. {@code invalid-request}
     * @param title a short title, e.g. {@code Invalid request}
     * @param subject what was sent, for the detail line, e.g. {@code request}
     */
    public static ResponseEntity<ProblemDetail> badRequest(
            String type, String title, String subject, URI instance, List<Problem> problems) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The " + subject + " has " + problems.size() + " problem(s).");
        problem.setType(URI.create("urn:kaifang:problem:" + type));
        problem.setTitle(title);
        problem.setInstance(instance);
        problem.setProperty(
                "errors",
                problems.stream()
                        .map(p -> Map.of("pointer", p.pointer(), "message", p.message()))
                        .toList());
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** A problem other than invalid input (403, 404, 409, 413…): its status, type URN suffix and detail. */
    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail, URI instance) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:kaifang:problem:" + type));
        problem.setTitle(status.getReasonPhrase());
        problem.setInstance(instance);
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The request's path as the problem's instance, or {@code fallback} when the path is not a valid URI. */
    public static URI instance(jakarta.servlet.http.HttpServletRequest request, String fallback) {
        try {
            return URI.create(request.getRequestURI());
        } catch (IllegalArgumentException e) {
            return URI.create(fallback);
        }
    }
}
