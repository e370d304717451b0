package org.kaifang.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Refuses request bodies larger than one mebibyte with 413 before anything reads them; paths a module declared a
 * {@link LargerBody} for get its limit instead. A list import ({@code POST /api/v1/screening/lists}) may be as large
 * as {@code kaifang.screening.max-import-bytes}, plus a mebibyte for the multipart envelope (declared here, as the
 * screening module depends on no other). Bodies without a declared length are refused too: every client Kaifang
 * serves declares one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    static final long MAX_BYTES = 1024 * 1024;

    static final String LIST_IMPORTS = "/api/v1/screening/lists";

    private final List<Map.Entry<PathPattern, Long>> larger;

    RequestSizeLimit(
            ObjectProvider<LargerBody> larger,
            @org.springframework.beans.factory.annotation.Value("${kaifang.screening.max-import-bytes:52428800}")
                    long maxImportBytes) {
        var all = new java.util.ArrayList<Map.Entry<PathPattern, Long>>();
        all.add(Map.entry(PathPatternParser.defaultInstance.parse(LIST_IMPORTS), maxImportBytes + MAX_BYTES));
        larger.orderedStream()
                .map(l -> Map.entry(PathPatternParser.defaultInstance.parse(l.pathPattern()), l.maxBytes()))
                .forEach(all::add);
        this.larger = List.copyOf(all);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var length = request.getContentLengthLong();
        var chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (length > limit(request) || chunked) {
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
            return;
        }
        chain.doFilter(request, response);
    }

    private long limit(HttpServletRequest request) {
        if (larger.isEmpty() || request.getContentLengthLong() <= MAX_BYTES) {
            return MAX_BYTES;
        }
        var path = PathContainer.parsePath(
                request.getRequestURI().substring(request.getContextPath().length()));
        for (var entry : larger) {
            if (entry.getKey().matches(path)) {
                return entry.getValue();
            }
        }
        return MAX_BYTES;
    }
}
