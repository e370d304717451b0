package org.kaifang.screening;

/** A batch of more parties than one screening takes. */
public final class BatchTooLarge extends RuntimeException {

    public BatchTooLarge(int size, int limit) {
        super("A batch may hold up to " + limit + " parties, not " + size);
    }
}
