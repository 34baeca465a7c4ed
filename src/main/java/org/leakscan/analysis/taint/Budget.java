package org.leakscan.analysis.taint;

import org.leakscan.diagnostics.Cancellation;

/**
 * How long the analysis may run. Checked inside every loop that can run long (blocks of a method,
 * applications of summaries, the top-level fixpoint), so a single huge method cannot overrun it.
 * When it runs out, {@link OutOfTime} unwinds to the engine, which reports what was found.
 */
final class Budget {

    /** Thrown when the time limit is reached. */
    static final class OutOfTime extends RuntimeException {
        OutOfTime() {
            super("time limit reached", null, false, false);
        }
    }

    private final long deadline;
    private int ticks;
    private boolean expired;

    /** @param nanos how long from now; 0 or less for no limit */
    Budget(long nanos) {
        this.deadline = nanos <= 0 ? Long.MAX_VALUE : System.nanoTime() + nanos;
    }

    /** Cheap enough for inner loops: reads the clock every 64th call. */
    void check() {
        if ((++ticks & 63) != 0) {
            return;
        }
        checkNow();
    }

    void checkNow() {
        Cancellation.check();
        if (expired || System.nanoTime() > deadline) {
            expired = true;
            throw new OutOfTime();
        }
    }

    boolean expired() {
        return expired;
    }
}
