package org.kaifang.applications;

/** The file formats an application document may have, recognised by their content, never by a name or a header. */
public enum DocumentFormat {
    PDF("application/pdf", "pdf"),
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg");

    private final String mediaType;
    private final String extension;

    DocumentFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The media type documents of this format are served with. */
    public String mediaType() {
        return mediaType;
    }

    /** The file-name extension, without the dot. */
    public String extension() {
        return extension;
    }
}
