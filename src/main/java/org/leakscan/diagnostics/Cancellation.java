package org.leakscan.diagnostics;

import java.util.concurrent.CancellationException;

/**
 * Cooperative cancellation for long loops. A timed-out input's threads are interrupted; the
 * fixpoint loops call {@link #check()} so that they stop soon after instead of burning a core
 * for a result nobody will read.
 */
public final class Cancellation {

    private Cancellation() {
    }

    /** @throws CancellationException when the current thread has been interrupted */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("analysis cancelled");
        }
    }
}
