package org.kaifang.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than one mebibyte with 413 before anything reads them. Bodies without a declared length
 * are refused too: every client Kaifang serves declares one. A list import ({@code POST /api/v1/screening/lists}) may
 * be as large as {@code kaifang.screening.max-import-bytes}, plus a mebibyte for the multipart envelope.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    static final long MAX_BYTES = 1024 * 1024;

    static final String LIST_IMPORTS = "/api/v1/screening/lists";

    private final long maxImportBytes;

    RequestSizeLimit(@Value("${kaifang.screening.max-import-bytes:52428800}") long maxImportBytes) {
        this.maxImportBytes = maxImportBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var length = request.getContentLengthLong();
        var chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        var max = "POST".equals(request.getMethod()) && LIST_IMPORTS.equals(request.getRequestURI())
                ? maxImportBytes + MAX_BYTES
                : MAX_BYTES;
        if (length > max || chunked) {
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
            return;
        }
        chain.doFilter(request, response);
    }
}
