package org.leakscan.analysis.taint;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leakscan.catalog.Catalogs;
import org.leakscan.program.ClassHierarchy;
import org.leakscan.program.MethodDef;
import org.leakscan.program.Program;

/**
 * Which personal data can reach which sink: the data-flow analysis of one app.
 *
 * <p>Compositional, in two phases. Each method reached is summarised once, callees first
 * ({@link Summaries}): interpreted with symbolic inputs, it says what it returns, writes, hands to
 * sinks and leaves to its caller, whoever calls it; applying a summary at a call
 * ({@link Instantiation}) puts the caller's values in, so three callers of one helper keep their
 * own data and destinations apart. Then the top level ({@link TopFrame}) applies the summaries of
 * the app's entry points on one shared heap until nothing grows. Time is checked inside every loop;
 * when it runs out, the flows found so far are reported and the report says so.
 */
public final class TaintAnalysis {

    /** Flows beyond this many are not kept (reported as a limit). */
    static final int MAX_FLOWS = 100_000;

    private final Scope scope;
    private final Summaries summaries;
    private final TopFrame top;
    private boolean stopped;
    private String stopReason;

    public TaintAnalysis(Program program, ClassHierarchy hierarchy, Catalogs catalogs, CallResolver resolver,
                         AppFacts app, Duration timeLimit) {
        this.scope = new Scope(program, hierarchy, catalogs, resolver, app,
                new Budget(timeLimit == null || timeLimit.isZero() ? 0 : timeLimit.toNanos()));
        this.summaries = new Summaries(scope);
        this.top = new TopFrame(scope, summaries);
        this.scope.summaries = summaries;
    }

    /** The analysis's own thread has this much stack: summaries are made as deep as app code calls. */
    private static final long STACK_BYTES = 1L << 30;

    /**
     * Runs the analysis on a thread with a deep stack (the calling thread's interrupt cancels it);
     * returns false when the time limit stopped it early.
     */
    public boolean run() {
        boolean[] result = new boolean[1];
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(null, () -> {
            try {
                result[0] = runHere();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "data-flow", STACK_BYTES);
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("analysis cancelled");
        }
        if (failure[0] instanceof RuntimeException r) {
            throw r;
        }
        if (failure[0] instanceof Error err) {
            throw err;
        }
        return result[0];
    }

    private boolean runHere() {
        long started = System.nanoTime();
        try {
            return runTopLevel();
        } finally {
            if (Interpreter.TRACE_SUMMARIES) {
                System.err.println("engine: " + top.stats() + " summaries=" + summaries.size() + " computed="
                        + summaries.computed() + " summary-ms=" + summaries.summaryNanos / 1_000_000 + " total-ms="
                        + (System.nanoTime() - started) / 1_000_000);
            }
        }
    }

    private boolean runTopLevel() {
        EntryPoints entries = new EntryPoints(scope, top);
        top.entryPoints(entries);
        try {
            entries.seed();
            top.run();
            return true;
        } catch (Budget.OutOfTime e) {
            stopped = true;
            stopReason = "stopped at the time limit (--flow-time-limit) after summarising " + summaries.size()
                    + " methods; flows found so far are reported";
            scope.unanalysed("analysis-limit", stopReason);
            return false;
        }
    }

    public boolean stoppedEarly() {
        return stopped;
    }

    /** What the analysis could not see into, by kind. */
    public Map<String, Set<String>> unanalysed() {
        return scope.unanalysed();
    }

    public int summarisedMethods() {
        return summaries.size();
    }

    /** One flow: the source, where it leaves, where it goes, and the methods between them. */
    public record Evidence(SourceSite source, Sink sink, Set<String> destinations, boolean implicit, List<String> path) {
    }

    /**
     * Where data leaves.
     *
     * @param owner   the class of the calling code
     * @param method  the calling method
     * @param index   the call's instruction index
     * @param api     the sink API (DEX descriptor)
     * @param kind    the sink kind
     * @param channel the finer channel
     */
    public record Sink(org.leakscan.program.ClassDef owner, MethodDef method, int index, String api, String kind,
                       String channel) {
    }

    /** Every (source, sink) pair found in code the app runs, with evidence; in a stable order. */
    public List<Evidence> evidence() {
        Map<MethodDef, List<MethodDef>> callees = new IdentityHashMap<>();
        List<MethodSummary.FlowFact> facts = new ArrayList<>(top.flows());
        Set<MethodDef> reached = new LinkedHashSet<>();
        ArrayDeque<MethodDef> todo = new ArrayDeque<>(top.applied());
        while (!todo.isEmpty()) {
            MethodDef m = todo.poll();
            if (!reached.add(m)) {
                continue;
            }
            MethodSummary s = summaries.ifDone(m);
            if (s == null) {
                continue;
            }
            facts.addAll(s.flows());
            callees.put(m, new ArrayList<>(s.callees()));
            todo.addAll(s.callees());
        }
        Map<List<Object>, Evidence> byPair = new HashMap<>();
        Map<List<Object>, MethodDef> contexts = new HashMap<>();
        List<List<Object>> order = new ArrayList<>();
        for (MethodSummary.FlowFact f : facts) {
            SourceSite source = scope.labels.site(f.label());
            SinkSite s = f.sink();
            if (!s.unlessHandled().isEmpty() && scope.calls.intents.handled(s.unlessHandled())) {
                continue; // a broadcast the app's own receivers take
            }
            Sink sink = new Sink(scope.ownerOf(s.site().method()), s.site().method(), s.site().index(), s.api(), s.kind(),
                    s.channel());
            if (sink.owner() == null) {
                continue;
            }
            List<Object> key = List.of(source.label(), s.site().method().ref(), s.site().index(), s.api(), f.implicit());
            Evidence old = byPair.get(key);
            Set<String> destinations = new java.util.TreeSet<>(f.destinations());
            if (old != null) {
                destinations.addAll(old.destinations());
                byPair.put(key, new Evidence(old.source(), old.sink(), destinations, old.implicit(), old.path()));
                contexts.put(key, firstByName(contexts.get(key), f.context()));
                continue;
            }
            if (byPair.size() >= MAX_FLOWS) {
                scope.unanalysed("analysis-limit", "more than " + MAX_FLOWS + " flows; the first are reported");
                break;
            }
            byPair.put(key, new Evidence(source, sink, destinations, f.implicit(), List.of()));
            contexts.put(key, f.context());
            order.add(key);
        }
        // An explicit flow between the same two places makes the implicit one redundant.
        List<Evidence> out = new ArrayList<>();
        for (List<Object> key : order) {
            Evidence e = byPair.get(key);
            if (e.implicit()) {
                List<Object> explicitKey = new ArrayList<>(key);
                explicitKey.set(4, false);
                if (byPair.containsKey(explicitKey)) {
                    continue;
                }
            }
            // The path runs through one of the places the flow was completed: the same one every
            // run, whatever order the facts came in.
            List<String> path = path(callees, contexts.get(key), e.source().method(), e.sink().method());
            out.add(new Evidence(e.source(), e.sink(), e.destinations(), e.implicit(), path));
        }
        out.sort(Comparator.comparing((Evidence e) -> e.source().method().ref().toString())
                .thenComparingInt(e -> e.source().index()).thenComparing(e -> e.source().api())
                .thenComparing(e -> e.sink().method().ref().toString()).thenComparingInt(e -> e.sink().index())
                .thenComparing(e -> e.sink().api()).thenComparing(e -> e.source().dataType()));
        return out;
    }

    /** Of two places a flow was completed, the one whose name sorts first (null last). */
    private static MethodDef firstByName(MethodDef a, MethodDef b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.ref().toString().compareTo(b.ref().toString()) <= 0 ? a : b;
    }

    /** Methods from the source to the sink through the method where the flow was completed. */
    private List<String> path(Map<MethodDef, List<MethodDef>> callees, MethodDef context, MethodDef from, MethodDef to) {
        List<MethodDef> down = shortest(callees, context, to);
        List<MethodDef> up = shortest(callees, context, from);
        List<MethodDef> path = new ArrayList<>();
        for (int i = up.size() - 1; i >= 0; i--) {
            path.add(up.get(i));
        }
        if (path.isEmpty() || path.get(0) != from) {
            path.add(0, from);
        }
        for (MethodDef m : down) {
            if (path.get(path.size() - 1) != m) {
                path.add(m);
            }
        }
        if (path.get(path.size() - 1) != to) {
            path.add(to);
        }
        List<String> out = new ArrayList<>();
        for (MethodDef m : path) {
            if (out.isEmpty() || !out.get(out.size() - 1).equals(scope.where(m))) {
                out.add(scope.where(m));
            }
        }
        return out;
    }

    private static List<MethodDef> shortest(Map<MethodDef, List<MethodDef>> callees, MethodDef from, MethodDef to) {
        if (from == null) {
            return List.of();
        }
        Map<MethodDef, MethodDef> previous = new IdentityHashMap<>();
        ArrayDeque<MethodDef> queue = new ArrayDeque<>();
        queue.add(from);
        previous.put(from, from);
        while (!queue.isEmpty()) {
            MethodDef m = queue.poll();
            if (m == to) {
                List<MethodDef> path = new ArrayList<>();
                for (MethodDef x = to; x != from; x = previous.get(x)) {
                    path.add(0, x);
                }
                path.add(0, from);
                return path;
            }
            for (MethodDef n : callees.getOrDefault(m, List.of())) {
                if (!previous.containsKey(n)) {
                    previous.put(n, m);
                    queue.add(n);
                }
            }
        }
        return List.of(from);
    }
}
