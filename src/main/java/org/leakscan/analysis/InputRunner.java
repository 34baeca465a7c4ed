package org.leakscan.analysis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.leakscan.diagnostics.AnalysisError;
import org.leakscan.diagnostics.Stage;

/**
 * Runs one input's analysis under a watchdog, so that no input can hang or sink a run of many.
 *
 * <p>Each input gets its own worker pool. When the time limit passes, the pool and the driving
 * thread are interrupted (the fixpoint loops check for that), the partial findings are dropped,
 * and the input's result is one error, "analysis timed out after N s"; the next input starts on a
 * fresh pool. An {@link OutOfMemoryError} while analysing one input is handled the same way
 * ("ran out of memory"): the input's objects become garbage and the next input goes on.
 * Partial findings are never reported for such an input: a half-run data-flow analysis would read
 * as "no leaks".
 */
public final class InputRunner {

    private final int threads;
    private final Duration timeout;
    private final Function<ExecutorService, AppAnalyzer> analyzers;

    /**
     * @param threads   worker threads per input
     * @param timeout   wall-clock limit per input; zero or negative for none
     * @param analyzers makes the analyzer for one input, given that input's worker pool
     */
    public InputRunner(int threads, Duration timeout, Function<ExecutorService, AppAnalyzer> analyzers) {
        this.threads = threads;
        this.timeout = timeout;
        this.analyzers = analyzers;
    }

    /** Analyses one input; never throws for bad or slow input. */
    public AppAnalyzer.Result run(Path input) {
        return run(input.toString(), analyzer -> analyzer.analyze(input));
    }

    /** Runs {@code work} for the input named {@code display} under the limits. */
    public AppAnalyzer.Result run(String display, Function<AppAnalyzer, AppAnalyzer.Result> work) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads("leakscan-worker-"));
        ExecutorService driver = Executors.newSingleThreadExecutor(daemonThreads("leakscan-input-"));
        try {
            AppAnalyzer analyzer = analyzers.apply(pool);
            Future<AppAnalyzer.Result> result = driver.submit(() -> work.apply(analyzer));
            try {
                return timeout.isZero() || timeout.isNegative() ? result.get()
                        : result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                result.cancel(true);
                return failed(display, "analysis timed out after " + seconds(timeout) + " s (limit: --timeout)");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                for (Throwable t = cause; t != null; t = t.getCause()) {
                    if (t instanceof OutOfMemoryError) {
                        return failed(display, "analysis ran out of memory; give Java more (-Xmx, e.g. LEAKSCAN_JAVA_OPTS=-Xmx8g for bin/leakscan) or scan this input alone");
                    }
                }
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result.cancel(true);
                return failed(display, "analysis interrupted");
            }
        } finally {
            pool.shutdownNow();
            driver.shutdownNow();
        }
    }

    private static AppAnalyzer.Result failed(String display, String message) {
        return new AppAnalyzer.Result(display, null,
                List.of(AnalysisError.ofInput(Stage.ANALYSIS, display, null, message)));
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.format(java.util.Locale.ROOT, "%.3f", ms / 1000.0);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
