package org.kaifang.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error that reaches the servlet container ends here: the API gets RFC 9457 problem+json, browsers get a page in
 * their language. Neither ever shows a stack trace or SQL; unexpected errors are logged once, here.
 */
@Controller
class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final MessageSource messages;

    ErrorPages(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request, HttpServletResponse response, Model model) {
        var status = status(request);
        var path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                ? uri
                : request.getRequestURI();
        if (status.is5xxServerError()
                && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t) {
            log.error("Unexpected error on {} {}", request.getMethod(), path, t);
        }
        if (wantsJson(request, path)) {
            var problem = ProblemDetail.forStatusAndDetail(status, detail(request, status));
            problem.setType(URI.create("urn:kaifang:problem:" + slug(status)));
            problem.setInstance(URI.create(safePath(path)));
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        response.setStatus(status.value());
        var page = PageModel.of(request, messages);
        var view = new ModelAndView("web/error");
        view.setStatus(status);
        view.addObject("page", page);
        view.addObject("status", status.value());
        view.addObject(
                "kind",
                switch (status.value()) {
                    case 400, 401, 403, 404, 405, 413, 415 -> String.valueOf(status.value());
                    default -> status.is4xxClientError() ? "400" : "500";
                });
        return view;
    }

    private static HttpStatus status(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code) {
            var status = HttpStatus.resolve(code);
            if (status != null) {
                return status;
            }
            return HttpStatus.INTERNAL_SERVER_ERROR;
        }
        // Asked for directly (GET /error), not forwarded by the container: no error happened, and nothing is here.
        return HttpStatus.NOT_FOUND;
    }

    /** Whether the client wants problem+json rather than a page: the API, operations, or an Accept of JSON only. */
    static boolean wantsJson(HttpServletRequest request, String path) {
        if (path.startsWith("/api/") || path.startsWith("/actuator/") || path.startsWith("/v3/")) {
            return true;
        }
        var accept = request.getHeader("Accept");
        return accept != null && !accept.contains("text/html") && accept.contains("json");
    }

    /** The servlet error message for client errors; never exception text for server errors. */
    private static String detail(HttpServletRequest request, HttpStatus status) {
        if (status.is4xxClientError()
                && request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String message
                && !message.isBlank()
                && message.length() < 300) {
            return message;
        }
        return switch (status.value()) {
            case 404 -> "No resource at this address.";
            case 405 -> "This method is not allowed here.";
            case 415 -> "Send application/json.";
            default ->
                status.is5xxServerError()
                        ? "An unexpected error occurred; it has been logged."
                        : status.getReasonPhrase();
        };
    }

    private static String slug(HttpStatus status) {
        return status.getReasonPhrase().toLowerCase().replaceAll("[^a-z]+", "-").replaceAll("(^-|-$)", "");
    }

    private static String safePath(String path) {
        try {
            return URI.create(path).getRawPath();
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
