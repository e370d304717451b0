package org.kaifang.whatif;

/** Where a run stands. */
enum RunStatus {
    RUNNING,
    /** Every subject judged. */
    DONE,
    /** Stopped on request; what it found until then is kept. */
    CANCELLED,
    /** Stopped by an error; its problem says which. */
    FAILED;

    boolean finished() {
        return this != RUNNING;
    }
}
