package org.leakscan.analysis;

import org.leakscan.diagnostics.Cancellation;
import org.leakscan.diagnostics.Messages;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs an ordered pass list over one app. The one place where a pass's failure is caught: it is
 * recorded with the pass id and the next pass runs (passes that depend on it see empty results).
 */
public final class PassRunner {

    private PassRunner() {
    }

    public static void run(List<Pass> passes, AnalysisContext context) {
        checkOrder(passes);
        for (Pass pass : passes) {
            Cancellation.check();
            try {
                pass.run(context);
            } catch (Exception | StackOverflowError e) {
                context.diagnostics().pass(pass.info().id(), null, null, "pass failed: " + Messages.describe(e));
            }
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
