package org.kaifang.audit;

/** What walking the chain found: intact, or broken at a named record for a named reason. */
public sealed interface Verification {

    /**
     * Every record from the first to the head is present, unchanged and in order, and every record still waiting for
     * its place in the chain is as it was written.
     *
     * @param pending records committed but not chained yet: normal for a moment after each change, not a break
     */
    record Intact(long count, String headHash, long pending) implements Verification {

        /** An intact chain with nothing waiting to be chained. */
        public Intact(long count, String headHash) {
            this(count, headHash, 0);
        }
    }

    /**
     * The first record at which the chain breaks.
     *
     * @param sequence the sequence number of the first broken record (for {@link Problem#MISSING}, the first missing
     *     one; for {@link Problem#HEAD}, the head's)
     * @param detail what was expected and what was found, in English, for people
     * @param checked how many records verified before it
     */
    record Broken(long sequence, Problem problem, String detail, long checked) implements Verification {}

    /** How a chain breaks. */
    enum Problem {
        /** A record's fields no longer give its stored hash: it was edited after it was written. */
        ALTERED,
        /**
         * A record's previous hash is not the hash of the record before it: that record was replaced by one with a
         * recomputed hash, or this one was moved or forged.
         */
        LINK,
        /** Sequence numbers jump: records were deleted. */
        MISSING,
        /** The chain head does not name the last record: records were deleted from the end, or added around it. */
        HEAD,
        /**
         * A record still waiting for its place in the chain was changed after it was written: its fields no longer give
         * the hash it was written with. The chainer refuses to chain it; {@link Broken#sequence()} is the place it
         * would take.
         */
        PENDING_ALTERED
    }

    default boolean intact() {
        return this instanceof Intact;
    }
}
