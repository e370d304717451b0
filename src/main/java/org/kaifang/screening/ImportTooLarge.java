package org.kaifang.screening;

/** A list file larger than {@code kaifang.screening.max-import-bytes}. */
public final class ImportTooLarge extends RuntimeException {

    private final long size;
    private final long limit;

    public ImportTooLarge(long size, long limit) {
        super("The file is " + size + " bytes; the most a list import may have is " + limit
                + " bytes (kaifang.screening.max-import-bytes)");
        this.size = size;
        this.limit = limit;
    }

    public long size() {
        return size;
    }

    public long limit() {
        return limit;
    }
}
