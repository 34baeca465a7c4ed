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
     * Work one method's summary may take by itself, its callees' summaries not counted: blocks
     * interpreted, summary cells and calls applied, and every field a walk of the heap reads (the
     * data an argument carries to a library call or a sink: {@link Frame#contentTaint}), which is
     * where the time of the costliest methods goes. Counted, not timed, so that a report does not
     * depend on the machine or on what else runs on it. Real methods need a few thousand; generated
     * code of obfuscated SDKs (Play services' measurement, ad SDKs' request builders), applied
     * through deep call trees, millions. At this bound such a method stops after 0.1 to 1 s.
     */
    static final long MAX_OWN_WORK = 100_000;
    /**
     * CPU time one method's summary may take by itself: only a safety net for costs the count
     * does not see, far above what any method of the real apps measured needs before
     * {@link #MAX_OWN_WORK} stops it (about 1 s at most), so it does not decide what is reported.
     */
    static final long MAX_OWN_NANOS = 5_000_000_000L;

    private final long deadline;
    private int ticks;
    private boolean expired;
    private long work;
    /** Per summary being made, innermost last: {work at start, work of nested summaries, CPU time at start, CPU time of nested summaries}. */
    private final java.util.ArrayList<long[]> open = new java.util.ArrayList<>();

    /** @param nanos how long from now; 0 or less for no limit */
    Budget(long nanos) {
        this.deadline = nanos <= 0 ? Long.MAX_VALUE : System.nanoTime() + nanos;
    }

    /** Cheap enough for inner loops: reads the clock every 64th call. */
    void check() {
        charge(1);
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

    /** Counts {@code n} units of work of one step whose cost grows with the data it walks (see {@link #MAX_OWN_WORK}). */
    void charge(int n) {
        work += n;
        if (!open.isEmpty() && ownWork() > MAX_OWN_WORK) {
            throw new Oversized();
        }
    }

    /** Work counted so far, every summary's and the top level's. */
    long work() {
        return work;
    }

    /** The innermost open summary's own work so far. */
    long ownWork() {
        long[] top = open.get(open.size() - 1);
        return work - top[0] - top[1];
    }

    long ownNanos() {
        long[] top = open.get(open.size() - 1);
        return cpuNanos() - top[2] - top[3];
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    private static final boolean CPU_TIME = THREADS.isCurrentThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();

    /** This thread's CPU time (the clock where the JVM cannot tell). */
    private static long cpuNanos() {
        return CPU_TIME ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** A summary starts being made: its own work is counted from here. */
    void enter() {
        open.add(new long[] {work, 0, cpuNanos(), 0});
    }

    /** The summary begun by the matching {@link #enter} is done (or given up). */
    void leave() {
        long[] top = open.remove(open.size() - 1);
        if (!open.isEmpty()) {
            long[] parent = open.get(open.size() - 1);
            parent[1] += work - top[0];
            parent[3] += cpuNanos() - top[2];
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
