package org.kaifang.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Request bodies that are not what they claim to be are the client's error, answered 400, never 500 and never read
 * half-way: a text or JSON body that is not valid UTF-8 (Spring's string reader would silently turn the bad bytes into
 * U+FFFD and store that), and a multipart body without a boundary or cut off (the multipart parser fails before any
 * controller is chosen, so no controller's own error handling sees it). And a path with an encoded slash is refused
 * by the application rather than by Tomcat, so that it too gets the API's problem+json. Found by the bad-input corpus.
 */
@Configuration
class StrictBodies implements WebMvcConfigurer {

    /** Replaces the string converter in the final list, whichever configuration registered it. */
    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters ->
                converters.replaceAll(c -> c instanceof StringHttpMessageConverter ? new StrictUtf8() : c));
    }

    /** Reads a string body as UTF-8 (the default of JSON and of this API), refusing malformed bytes. */
    static final class StrictUtf8 extends StringHttpMessageConverter {

        StrictUtf8() {
            super(StandardCharsets.UTF_8);
        }

        @Override
        protected String readInternal(Class<? extends String> type, HttpInputMessage input) throws IOException {
            var charset = input.getHeaders().getContentType() == null
                            || input.getHeaders().getContentType().getCharset() == null
                    ? StandardCharsets.UTF_8
                    : input.getHeaders().getContentType().getCharset();
            if (!charset.equals(StandardCharsets.UTF_8)) {
                return super.readInternal(type, input);
            }
            var bytes = input.getBody().readAllBytes();
            try {
                return StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (CharacterCodingException e) {
                throw new HttpMessageNotReadableException("The request body is not valid UTF-8", e, input);
            }
        }
    }

    /**
     * A multipart body the parser cannot read: 400 (413 when it is too large). Answered here rather than through the
     * error page, whose dispatch would try to parse the same body again.
     */
    @ControllerAdvice
    @Order(Ordered.LOWEST_PRECEDENCE)
    static class MalformedMultipart {

        @ExceptionHandler
        ResponseEntity<?> on(MultipartException e, HttpServletRequest request) {
            var status =
                    e instanceof MaxUploadSizeExceededException ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
            var detail = status == HttpStatus.BAD_REQUEST
                    ? "The multipart body is malformed: send multipart/form-data with its boundary, complete."
                    : "The request body is too large.";
            if (ErrorPages.wantsJson(request, request.getRequestURI())) {
                return InputProblems.problem(
                        status, "malformed-multipart", detail, InputProblems.instance(request, "/"));
            }
            return ResponseEntity.status(status)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body(detail);
        }
    }

    /**
     * A path with an encoded slash ({@code %2F}) reaches the application, whose firewall refuses it with a 400 in the
     * API's or the pages' own format, instead of Tomcat answering with its own HTML page before any of Kaifang runs.
     */
    @org.springframework.context.annotation.Bean
    org.springframework.boot.tomcat.TomcatConnectorCustomizer encodedSlashesReachTheFirewall() {
        return connector -> connector.setEncodedSolidusHandling("passthrough");
    }
}
