package org.kaifang.applications;

/**
 * An upload that cannot be kept, and why: the content is empty, too large, not a PDF, PNG or JPEG, or disguises
 * something else; or the kind is not one the application may have. {@link #field()} names the input at fault.
 */
public final class DocumentRefused extends RuntimeException {

    /** Why the upload was refused. */
    public enum Reason {
        EMPTY("file"),
        TOO_LARGE("file"),
        NOT_ALLOWED("file"),
        DISGUISED("file"),
        UNKNOWN_KIND("kind");

        private final String field;

        Reason(String field) {
            this.field = field;
        }
    }

    private final Reason reason;

    DocumentRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** A file of {@code size} bytes, over the limit of {@code maxBytes}. */
    public static DocumentRefused tooLarge(long size, long maxBytes) {
        return new DocumentRefused(
                Reason.TOO_LARGE,
                "The file has " + size + " bytes; at most " + maxBytes + " bytes ("
                        + String.format(java.util.Locale.ROOT, "%.1f MB", maxBytes / (1024.0 * 1024.0))
                        + ") are accepted");
    }

    public Reason reason() {
        return reason;
    }

    /** The input at fault: {@code file} or {@code kind}. */
    public String field() {
        return reason.field;
    }
}
