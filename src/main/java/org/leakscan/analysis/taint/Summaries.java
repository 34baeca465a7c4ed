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
    static final int MAX_ROUNDS = 2;
    /** Calls nested deeper than this are taken to do nothing (and reported): a guard, not a limit real apps meet. */
    static final int MAX_DEPTH = 2_000;
    /**
     * Analyses of one method before its latest summary is taken as final. Cycles nested in cycles
     * re-summarise their members once per round of every enclosing head, which multiplies with
     * the nesting; this keeps the total work linear in the methods reached.
     */
    static final int MAX_ANALYSES_PER_METHOD = 4;
    /** A summary bigger than this is kept only for its flows and sinks (see {@link #oversized}). */
    static final int MAX_SUMMARY_NODES = 2 * SummaryFrame.MAX_NODES;
    static final int MAX_SUMMARY_CELLS = 1_500;

    private final Scope scope;
    private final Map<MethodDef, MethodSummary> done = new IdentityHashMap<>();
    private final Map<MethodDef, MethodSummary> provisional = new IdentityHashMap<>();
    private final Map<MethodDef, Integer> depthOf = new IdentityHashMap<>();
    private final List<int[]> lows = new ArrayList<>();
    private final List<MethodDef> members = new ArrayList<>();
    private final Map<MethodDef, Boolean> usedWhileOpen = new IdentityHashMap<>();
    /** Members of cycles still open, summarised in the current round: the depth of the cycle's head. */
    private final Map<MethodDef, Integer> openLow = new IdentityHashMap<>();
    private final Map<MethodDef, Integer> analyses = new IdentityHashMap<>();
    private final Map<MethodDef, MethodSummary> latest = new IdentityHashMap<>();
    /** Methods whose summary passed a size, work or time bound: called as unmodelled library code. */
    private final java.util.Set<MethodDef> oversized = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
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
        Integer open = openLow.get(m);
        if (open != null) {
            // Summarised already in this round of a cycle still open below: its summary so far.
            int[] low = lows.get(lows.size() - 1);
            low[0] = Math.min(low[0], open);
            return provisional.get(m);
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
        if (analyses.getOrDefault(m, 0) >= MAX_ANALYSES_PER_METHOD) {
            s = latest.getOrDefault(m, MethodSummary.empty(m));
            done.put(m, s);
            return s;
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
                if (low[0] < depth || !recursive || s.equals(before) || round + 1 >= MAX_ROUNDS
                        || analyses.get(m) >= MAX_ANALYSES_PER_METHOD) {
                    break;
                }
                // The cycle's head changed: summarise its members again with the new head.
                for (int i = members.size() - 1; i >= firstMember; i--) {
                    MethodDef member = members.remove(i);
                    provisional.remove(member);
                    openLow.remove(member);
                }
            }
        } finally {
            lows.remove(lows.size() - 1);
            depthOf.remove(m);
        }
        if (low[0] < depth) {
            // Part of a cycle whose head is further down: keep it open until the head is done.
            members.add(m);
            openLow.put(m, low[0]);
            int[] parent = lows.get(lows.size() - 1);
            parent[0] = Math.min(parent[0], low[0]);
            return s;
        }
        for (int i = members.size() - 1; i >= firstMember; i--) {
            MethodDef member = members.remove(i);
            openLow.remove(member);
            done.put(member, provisional.remove(member));
        }
        provisional.remove(m);
        done.put(m, s);
        return s;
    }

    private MethodSummary analyse(MethodDef m) {
        scope.budget.checkNow();
        computed++;
        analyses.merge(m, 1, Integer::sum);
        SummaryFrame frame = new SummaryFrame(scope, this, m);
        long started = System.nanoTime();
        analysing++;
        scope.budget.enter();
        try {
            new Interpreter(frame, scope.calls, new MethodCfg(m.body())).run();
            MethodSummary s = frame.summary();
            if (s.nodes().size() > MAX_SUMMARY_NODES || s.cells().size() > MAX_SUMMARY_CELLS) {
                // Too big to apply at every call up a deep call tree: keep what it found and what
                // it sends, take the rest of its calls as library code (see oversized()).
                s = giveUp(m, s.sinksOnly());
            }
            latest.put(m, s);
            if (Interpreter.TRACE_SUMMARIES) {
                System.err.println("summary " + m.ref() + " ms=" + (System.nanoTime() - started) / 1_000_000
                        + " ownus=" + scope.budget.ownNanos() / 1_000 + " work=" + scope.budget.ownWork() + " passes=" + frame.passes + " depth=" + lows.size() + " nodes=" + s.nodes().size()
                        + " cells=" + s.cells().size() + " hits=" + s.hits().size() + " pending=" + s.pending().size()
                        + " flows=" + s.flows().size());
                if (s.nodes().size() > 1000) {
                    java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
                    for (Node n : s.nodes()) {
                        String k = n.kind() + (n.key() instanceof LocalKey lk && "*".equals(lk.via()) ? "*" : "");
                        kinds.merge(k, 1, Integer::sum);
                    }
                    System.err.println("  nodes " + kinds);
                }
                for (MethodSummary.PendingCall p : s.pending()) {
                    System.err.println("  pending " + p.site().index() + " " + p.call().method());
                }
            }
            return s;
        } catch (Budget.OutOfTime | java.util.concurrent.CancellationException e) {
            throw e;
        } catch (Budget.Oversized e) {
            if (Interpreter.TRACE_SUMMARIES) {
                System.err.println("oversized " + m.ref() + " ms=" + (System.nanoTime() - started) / 1_000_000);
            }
            // Too much work for one summary: its calls are taken as library code that passes its
            // arguments' data on (LibraryModels), which costs nothing and keeps the data moving.
            MethodSummary partial;
            try {
                partial = frame.summary().sinksOnly(); // the flows and sinks met before it stopped
            } catch (RuntimeException again) {
                partial = MethodSummary.empty(m);
            }
            latest.put(m, giveUp(m, partial));
            analyses.put(m, MAX_ANALYSES_PER_METHOD);
            return partial;
        } catch (RuntimeException | StackOverflowError e) {
            if (Interpreter.TRACE_SUMMARIES) {
                e.printStackTrace();
            }
            scope.unanalysed("analysis-error", scope.where(m) + ": " + Messages.oneLine(e));
            return MethodSummary.empty(m);
        } finally {
            scope.budget.leave();
            if (--analysing == 0) {
                summaryNanos += System.nanoTime() - started;
            }
        }
    }

    /** Records that {@code m}'s summary passed a bound: its calls take the library default from now on. */
    private MethodSummary giveUp(MethodDef m, MethodSummary kept) {
        oversized.add(m);
        scope.unanalysed("summary-limit", scope.where(m));
        return kept;
    }

    /** True when {@code m}'s summary was given up for its size, work or time (see {@link #giveUp}). */
    boolean oversized(MethodDef m) {
        return oversized.contains(m);
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
