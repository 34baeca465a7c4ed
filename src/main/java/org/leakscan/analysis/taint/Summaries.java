package org.leakscan.analysis.taint;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.leakscan.diagnostics.Messages;
import org.leakscan.program.MethodDef;

/**
 * Computes method summaries on demand, once each, callees before callers. Recursion is found as
 * it happens (Tarjan's algorithm over the calls actually followed): a call back into a method still
 * being summarised uses its summary so far, and the cycle is summarised again until its head's
 * summary stops changing (at most {@link #MAX_ROUNDS} times). A method that cannot be analysed
 * costs only its own summary: the failure is recorded and it is taken to do nothing.
 */
final class Summaries {

    /** Rounds over a recursive cycle before its summaries are taken as they are. */
    static final int MAX_ROUNDS = 4;
    /** Calls nested deeper than this are taken to do nothing (and reported): a guard, not a limit real apps meet. */
    static final int MAX_DEPTH = 2_000;

    private final Scope scope;
    private final Map<MethodDef, MethodSummary> done = new IdentityHashMap<>();
    private final Map<MethodDef, MethodSummary> provisional = new IdentityHashMap<>();
    private final Map<MethodDef, Integer> depthOf = new IdentityHashMap<>();
    private final List<int[]> lows = new ArrayList<>();
    private final List<MethodDef> members = new ArrayList<>();
    private final Map<MethodDef, Boolean> usedWhileOpen = new IdentityHashMap<>();
    private long computed;
    /** Time spent making summaries, nested ones counted once (for tracing). */
    long summaryNanos;
    private int analysing;

    Summaries(Scope scope) {
        this.scope = scope;
    }

    /** The summary of {@code m}, computed now if needed (possibly partial while {@code m} is being summarised). */
    MethodSummary of(MethodDef m) {
        MethodSummary s = done.get(m);
        if (s != null) {
            return s;
        }
        Integer d = depthOf.get(m);
        if (d != null) {
            // Recursion: the caller depends on a method still open below it.
            int[] low = lows.get(lows.size() - 1);
            low[0] = Math.min(low[0], d);
            usedWhileOpen.put(m, Boolean.TRUE);
            return provisional.getOrDefault(m, MethodSummary.empty(m));
        }
        if (m.body() == null) {
            if (m.failure() != null) {
                scope.unanalysed("undecodable-method", scope.where(m));
            }
            s = MethodSummary.empty(m);
            done.put(m, s);
            return s;
        }
        if (lows.size() >= MAX_DEPTH) {
            scope.unanalysed("call-depth", scope.where(m));
            return MethodSummary.empty(m);
        }
        return compute(m);
    }

    private MethodSummary compute(MethodDef m) {
        int depth = lows.size();
        int firstMember = members.size();
        depthOf.put(m, depth);
        int[] low = {depth};
        lows.add(low);
        MethodSummary s;
        try {
            for (int round = 0; ; round++) {
                low[0] = depth;
                usedWhileOpen.remove(m);
                s = analyse(m);
                boolean recursive = usedWhileOpen.containsKey(m);
                MethodSummary before = provisional.put(m, s);
                if (low[0] < depth || !recursive || s.equals(before) || round + 1 >= MAX_ROUNDS) {
                    break;
                }
                // The cycle's head changed: summarise its members again with the new head.
                for (int i = members.size() - 1; i >= firstMember; i--) {
                    provisional.remove(members.remove(i));
                }
            }
        } finally {
            lows.remove(lows.size() - 1);
            depthOf.remove(m);
        }
        if (low[0] < depth) {
            // Part of a cycle whose head is further down: keep it open until the head is done.
            members.add(m);
            int[] parent = lows.get(lows.size() - 1);
            parent[0] = Math.min(parent[0], low[0]);
            return s;
        }
        for (int i = members.size() - 1; i >= firstMember; i--) {
            MethodDef member = members.remove(i);
            done.put(member, provisional.remove(member));
        }
        provisional.remove(m);
        done.put(m, s);
        return s;
    }

    private MethodSummary analyse(MethodDef m) {
        scope.budget.checkNow();
        computed++;
        SummaryFrame frame = new SummaryFrame(scope, this, m);
        long started = System.nanoTime();
        analysing++;
        try {
            new Interpreter(frame, scope.calls, new MethodCfg(m.body())).run();
            MethodSummary s = frame.summary();
            if (Interpreter.TRACE_SUMMARIES) {
                System.err.println("summary " + m.ref() + " ms=" + (System.nanoTime() - started) / 1_000_000
                        + " passes=" + frame.passes + " depth=" + lows.size() + " nodes=" + s.nodes().size()
                        + " cells=" + s.cells().size() + " hits=" + s.hits().size() + " pending=" + s.pending().size()
                        + " flows=" + s.flows().size());
                for (MethodSummary.PendingCall p : s.pending()) {
                    System.err.println("  pending " + p.site().index() + " " + p.call().method());
                }
            }
            return s;
        } catch (Budget.OutOfTime | java.util.concurrent.CancellationException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            scope.unanalysed("analysis-error", scope.where(m) + ": " + Messages.oneLine(e));
            return MethodSummary.empty(m);
        } finally {
            if (--analysing == 0) {
                summaryNanos += System.nanoTime() - started;
            }
        }
    }

    /** The final summary of {@code m}, or null when it was not (or not completely) computed. */
    MethodSummary ifDone(MethodDef m) {
        return done.get(m);
    }

    /** Summaries computed, recomputations of cycles included. */
    long computed() {
        return computed;
    }

    int size() {
        return done.size();
    }
}
