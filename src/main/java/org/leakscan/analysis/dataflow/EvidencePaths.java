package org.leakscan.analysis.dataflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leakscan.program.MethodDef;

/**
 * The methods a taint label passes through from its source to a sink, for the evidence a report
 * shows. Computed after the fixpoint from what the engine recorded, so it does not depend on the
 * order work was done: a shortest path, over methods that saw the label, along call edges (both
 * ways: arguments down, results up) and field edges (a method that stored tainted data in a field
 * to a method that read that field).
 */
final class EvidencePaths {

    private final TaintEngine engine;
    private final Map<MethodDef, List<MethodDef>> neighbours = new IdentityHashMap<>();

    EvidencePaths(TaintEngine engine) {
        this.engine = engine;
        Map<MethodDef, Set<MethodDef>> edges = new IdentityHashMap<>();
        engine.callees.forEach((caller, callees) -> {
            for (MethodDef callee : callees) {
                edges.computeIfAbsent(caller, k -> new LinkedHashSet<>()).add(callee);
                edges.computeIfAbsent(callee, k -> new LinkedHashSet<>()).add(caller);
            }
        });
        engine.taintedFieldWriters.forEach((field, writers) -> {
            Set<MethodDef> readers = engine.fieldReaders.getOrDefault(field, Set.of());
            for (MethodDef w : writers) {
                for (MethodDef r : readers) {
                    if (w != r) {
                        edges.computeIfAbsent(w, k -> new LinkedHashSet<>()).add(r);
                    }
                }
            }
        });
        Comparator<MethodDef> order = Comparator.comparing(m -> m.ref().toString());
        edges.forEach((m, n) -> {
            List<MethodDef> sorted = new ArrayList<>(n);
            sorted.sort(order);
            neighbours.put(m, sorted);
        });
    }

    /** Methods from {@code from} to {@code to} through which {@code label} can travel; at least the two ends. */
    List<MethodDef> path(int label, MethodDef from, MethodDef to) {
        if (from == to) {
            return List.of(from);
        }
        Map<MethodDef, MethodDef> previous = new HashMap<>();
        Deque<MethodDef> queue = new ArrayDeque<>();
        queue.add(from);
        previous.put(from, from);
        while (!queue.isEmpty()) {
            MethodDef m = queue.poll();
            for (MethodDef n : neighbours.getOrDefault(m, List.of())) {
                if (previous.containsKey(n) || (n != to && !saw(n, label))) {
                    continue;
                }
                previous.put(n, m);
                if (n == to) {
                    List<MethodDef> path = new ArrayList<>();
                    for (MethodDef x = to; x != from; x = previous.get(x)) {
                        path.add(0, x);
                    }
                    path.add(0, from);
                    return path;
                }
                queue.add(n);
            }
        }
        return List.of(from, to);
    }

    private boolean saw(MethodDef m, int label) {
        MethodState st = engine.stateIfAny(m);
        return st != null && st.seen.get(label);
    }
}
