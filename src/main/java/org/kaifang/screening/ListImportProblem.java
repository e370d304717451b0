package org.kaifang.screening;

import org.jspecify.annotations.Nullable;

/**
 * List data that cannot be read. Says where: the source, the row or line (1-based, counting the header), and the field.
 */
public final class ListImportProblem extends RuntimeException {

    private final String source;
    private final int row;
    private final @Nullable String field;

    public ListImportProblem(String source, int row, @Nullable String field, String problem) {
        super(source + (row > 0 ? ", row " + row : "") + (field != null ? ", field '" + field + "'" : "") + ": "
                + problem);
        this.source = source;
        this.row = row;
        this.field = field;
    }

    public String source() {
        return source;
    }

    /** The row or line, 1-based; 0 when the problem is with the whole file. */
    public int row() {
        return row;
    }

    public @Nullable String field() {
        return field;
    }
}
