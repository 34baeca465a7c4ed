package org.leakscan.diagnostics;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * One piece of work started now on a daemon thread of its own, whose result is asked for later:
 * the built-in catalogues while the first input is read, an input's SHA-256 while its code is
 * inflated.
 */
public final class Background {

    private Background() {
    }

    /**
     * Starts {@code work} and returns what waits for its result. The supplier rethrows what the work
     * threw (wrapped when it is a checked exception), and throws {@link CancellationException} when
     * the waiting thread is interrupted.
     */
    public static <T> Supplier<T> start(String threadName, Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Thread thread = new Thread(task, threadName);
        thread.setDaemon(true);
        thread.start();
        return () -> {
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while waiting for " + threadName);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        };
    }
}
