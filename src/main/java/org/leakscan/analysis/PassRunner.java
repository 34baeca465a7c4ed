package org.leakscan.analysis;

import org.leakscan.diagnostics.Cancellation;
import org.leakscan.diagnostics.Messages;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Runs a pass list over one app. The one place where a pass's failure is caught: it is recorded
 * with the pass id and the passes that depend on it still run (they see empty results).
 *
 * <p>A pass starts as soon as the passes it runs after have finished, so independent passes run
 * side by side: the endpoint and tracker passes beside the data-access pass, and the whole code
 * inventory beside the data-flow fixpoint, which reads only the manifest facts. Each pass writes
 * its own findings slot, and errors are sorted when read, so the outcome does not depend on the
 * interleaving. Passes get threads of their own rather than the app's worker pool, whose tasks
 * they wait for. When the calling thread is interrupted (an input over its time limit), the
 * running passes are interrupted too.
 */
public final class PassRunner {

    private PassRunner() {
    }

    public static void run(List<Pass> passes, AnalysisContext context) {
        checkOrder(passes);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "leakscan-pass");
            t.setDaemon(true);
            return t;
        });
        Map<String, CompletableFuture<Void>> finished = new HashMap<>();
        try {
            for (Pass pass : passes) {
                List<CompletableFuture<Void>> before = new ArrayList<>();
                for (String id : pass.info().runsAfter()) {
                    before.add(finished.get(id));
                }
                for (String id : pass.info().runsAfterIfPresent()) {
                    if (finished.containsKey(id)) {
                        before.add(finished.get(id));
                    }
                }
                finished.put(pass.info().id(), CompletableFuture.allOf(before.toArray(CompletableFuture[]::new))
                        .thenRunAsync(() -> runOne(pass, context), threads));
            }
            CompletableFuture.allOf(finished.values().toArray(CompletableFuture[]::new)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("analysis cancelled");
        } catch (java.util.concurrent.ExecutionException e) {
            // runOne records what a pass throws, except cancellation, which ends the whole run.
            if (e.getCause() instanceof java.util.concurrent.CancellationException c) {
                throw c;
            }
            throw new IllegalStateException("pass runner failed", e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    private static void runOne(Pass pass, AnalysisContext context) {
        try {
            Cancellation.check();
            pass.run(context);
        } catch (java.util.concurrent.CancellationException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            if (Boolean.getBoolean("leakscan.traceErrors")) {
                e.printStackTrace();
            }
            context.diagnostics().pass(pass.info().id(), null, null, "pass failed: " + Messages.describe(e));
        }
    }

    /**
     * Fails when a pass comes before one it runs after, or names one that is not in the list.
     *
     * @throws IllegalStateException on a bad list (a programming error, not bad input)
     */
    public static void checkOrder(List<Pass> passes) {
        Set<String> all = new HashSet<>();
        for (Pass p : passes) {
            if (!all.add(p.info().id())) {
                throw new IllegalStateException("pass listed twice: " + p.info().id());
            }
        }
        Set<String> done = new HashSet<>();
        for (Pass p : passes) {
            for (String before : p.info().runsAfter()) {
                if (!all.contains(before)) {
                    throw new IllegalStateException("pass " + p.info().id() + " runs after unknown pass " + before);
                }
                if (!done.contains(before)) {
                    throw new IllegalStateException("pass " + p.info().id() + " must run after " + before);
                }
            }
            for (String before : p.info().runsAfterIfPresent()) {
                if (all.contains(before) && !done.contains(before)) {
                    throw new IllegalStateException("pass " + p.info().id() + " must run after " + before);
                }
            }
            done.add(p.info().id());
        }
    }

}
