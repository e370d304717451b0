package org.kaifang.applications;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Recognises a document's format from its bytes alone: a PDF, PNG or JPEG signature at the very start, and the
 * format's end marker at the very end. Cheap checks turn away files that are two things at once (polyglots): markup
 * or a script near the start, or a ZIP archive appended after the end marker. The name and the declared content type
 * of an upload are never consulted.
 */
final class ContentSniffing {

    private static final byte[] PDF = ascii("%PDF-");
    private static final byte[] PDF_END = ascii("%%EOF");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] PNG_IHDR = ascii("IHDR");
    private static final byte[] PNG_IEND = {0, 0, 0, 0, 'I', 'E', 'N', 'D', (byte) 0xae, 0x42, 0x60, (byte) 0x82};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] JPEG_END = {(byte) 0xff, (byte) 0xd9};
    private static final byte[] ZIP_LOCAL = {'P', 'K', 3, 4};
    private static final byte[] ZIP_END = {'P', 'K', 5, 6};

    /** How far from the end a PDF's {@code %%EOF} may sit: readers accept it within the last kilobyte. */
    private static final int PDF_END_WINDOW = 1024;

    /** How much of the start is searched for markup. */
    private static final int MARKUP_WINDOW = 1024;

    /** Markup or script a browser or viewer could act on; lower case, matched case-insensitively. */
    private static final List<String> MARKUP = List.of(
            "<!doctype",
            "<html",
            "<head",
            "<body",
            "<script",
            "<iframe",
            "<svg",
            "<?xml",
            "<object",
            "<embed",
            "javascript:");

    private ContentSniffing() {}

    /**
     * The format of {@code content}.
     *
     * @param maxBytes the largest content accepted
     * @throws DocumentRefused when the content is empty, larger than {@code maxBytes}, not a PDF, PNG or JPEG, or a
     *     polyglot
     */
    static DocumentFormat detect(byte[] content, long maxBytes) {
        if (content.length == 0) {
            throw new DocumentRefused(DocumentRefused.Reason.EMPTY, "The file is empty");
        }
        if (content.length > maxBytes) {
            throw DocumentRefused.tooLarge(content.length, maxBytes);
        }
        var format = signature(content);
        if (format == null) {
            var looks = markupAt(content, 0) ? " (its content looks like HTML or XML)" : "";
            throw new DocumentRefused(
                    DocumentRefused.Reason.NOT_ALLOWED,
                    "The file is not a PDF, PNG or JPEG" + looks
                            + "; its content decides, not its name or declared type");
        }
        if (!endsProperly(format, content)) {
            throw new DocumentRefused(
                    DocumentRefused.Reason.DISGUISED,
                    "The file starts as a " + format + " but does not end as one: it is truncated or has something"
                            + " appended");
        }
        if (markupAt(content, 1)) {
            throw new DocumentRefused(
                    DocumentRefused.Reason.DISGUISED,
                    "The " + format + " file contains HTML, XML or script near its start, so it could be opened as a"
                            + " web page; export it again from the original");
        }
        if (startsWith(content, ZIP_LOCAL, 0) || hasZipEnd(content)) {
            throw new DocumentRefused(
                    DocumentRefused.Reason.DISGUISED,
                    "The " + format + " file is also a ZIP archive; upload the document on its own");
        }
        return format;
    }

    private static @Nullable DocumentFormat signature(byte[] content) {
        if (startsWith(content, PDF, 0)) {
            return DocumentFormat.PDF;
        }
        if (startsWith(content, PNG, 0) && startsWith(content, PNG_IHDR, 12)) {
            return DocumentFormat.PNG;
        }
        if (startsWith(content, JPEG, 0)) {
            return DocumentFormat.JPEG;
        }
        return null;
    }

    private static boolean endsProperly(DocumentFormat format, byte[] content) {
        return switch (format) {
            case PDF -> indexOf(content, PDF_END, Math.max(0, content.length - PDF_END_WINDOW)) >= 0;
            case PNG ->
                content.length >= PNG.length + PNG_IEND.length
                        && startsWith(content, PNG_IEND, content.length - PNG_IEND.length);
            case JPEG ->
                content.length >= JPEG.length + JPEG_END.length
                        && startsWith(content, JPEG_END, content.length - JPEG_END.length);
        };
    }

    /** Whether markup appears in the first kilobyte, from {@code from}. */
    private static boolean markupAt(byte[] content, int from) {
        var window = new String(
                        content,
                        from,
                        Math.max(0, Math.min(content.length, MARKUP_WINDOW) - from),
                        StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        for (var tag : MARKUP) {
            if (window.contains(tag)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a ZIP end-of-central-directory record closes the content: its signature, with a comment length that
     * reaches exactly to the end. Stray bytes of compressed data almost never satisfy both.
     */
    private static boolean hasZipEnd(byte[] content) {
        var earliest = Math.max(0, content.length - 22 - 0xffff);
        for (var i = content.length - 22; i >= earliest; i--) {
            if (startsWith(content, ZIP_END, i)) {
                var comment = (content[i + 20] & 0xff) | (content[i + 21] & 0xff) << 8;
                if (i + 22 + comment == content.length) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] content, byte[] prefix, int at) {
        if (at < 0 || at + prefix.length > content.length) {
            return false;
        }
        for (var i = 0; i < prefix.length; i++) {
            if (content[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] content, byte[] part, int from) {
        for (var i = from; i + part.length <= content.length; i++) {
            if (startsWith(content, part, i)) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
