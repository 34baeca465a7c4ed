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

    /** Thrown when one method's own summary work or time passes {@link #MAX_OWN_WORK} or {@link #MAX_OWN_NANOS}. */
    static final class Oversized extends RuntimeException {
        Oversized() {
            super("summary work limit reached", null, false, false);
        }
    }

    /**
     * Work (blocks interpreted, summary cells and calls applied) one method's summary may take by
     * itself, its callees' summaries not counted. Counted, not timed, so that a report does not
     * depend on the machine. Real methods need a few thousand; the generated drawable and
     * layout code of obfuscated support libraries, applied through deep call trees, millions.
     */
    static final long MAX_OWN_WORK = 30_000;
    /**
     * Time one method's summary may take by itself: the cost of a unit of work grows with the
     * size of the values it joins, which counting cannot see. Only pathological methods (seconds
     * of their own) meet it, so reports of ordinary apps do not depend on the machine.
     */
    static final long MAX_OWN_NANOS = 300_000_000L;

    private final long deadline;
    private int ticks;
    private boolean expired;
    private long work;
    /** Per summary being made, innermost last: {work at start, work of nested summaries, start time, time of nested summaries}. */
    private final java.util.ArrayList<long[]> open = new java.util.ArrayList<>();

    /** @param nanos how long from now; 0 or less for no limit */
    Budget(long nanos) {
        this.deadline = nanos <= 0 ? Long.MAX_VALUE : System.nanoTime() + nanos;
    }

    /** Cheap enough for inner loops: reads the clock every 64th call. */
    void check() {
        work++;
        if (!open.isEmpty() && ownWork() > MAX_OWN_WORK) {
            throw new Oversized();
        }
        if ((++ticks & 63) != 0) {
            return;
        }
        checkNow();
        if (!open.isEmpty() && ownNanos() > MAX_OWN_NANOS) {
            if (Interpreter.TRACE_SUMMARIES) {
                System.err.println("oversized by time: own work " + ownWork());
            }
            throw new Oversized();
        }
    }

    /** The innermost open summary's own work so far. */
    long ownWork() {
        long[] top = open.get(open.size() - 1);
        return work - top[0] - top[1];
    }

    private long ownNanos() {
        long[] top = open.get(open.size() - 1);
        return System.nanoTime() - top[2] - top[3];
    }

    /** A summary starts being made: its own work is counted from here. */
    void enter() {
        open.add(new long[] {work, 0, System.nanoTime(), 0});
    }

    /** The summary begun by the matching {@link #enter} is done (or given up). */
    void leave() {
        long[] top = open.remove(open.size() - 1);
        if (!open.isEmpty()) {
            long[] parent = open.get(open.size() - 1);
            parent[1] += work - top[0];
            parent[3] += System.nanoTime() - top[2];
        }
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
