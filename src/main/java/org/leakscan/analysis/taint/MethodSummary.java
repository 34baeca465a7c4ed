package org.leakscan.analysis.taint;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leakscan.program.Insn;
import org.leakscan.program.MethodDef;

/**
 * What a method does, whoever calls it, in terms of what it is given: its result, the fields it
 * writes into objects it was given (or made and handed back), the statics it writes, the data it
 * hands to sinks, the flows it completes by itself, and the calls it leaves to its caller. Nodes
 * and symbols are the method's own ({@link Node}, {@link Symbols}); {@link Instantiation} maps them
 * into a caller.
 *
 * @param method   the method
 * @param nodes    the method's node table, by id
 * @param returned what it returns
 * @param thrown   what it throws
 * @param cells    fields written into input nodes and into the local nodes reachable from outputs
 * @param statics  static fields written
 * @param hits     data reaching a sink that depends on the caller (data or destination)
 * @param bare     sinks the method itself calls with nothing tainted, for callers' implicit flows
 * @param flows    flows complete within the method and what it calls
 * @param pending  calls left to the caller, in the order they were met
 * @param live     local nodes the framework will call back (app objects with framework callbacks)
 * @param callees  methods whose summaries it applied
 */
record MethodSummary(MethodDef method, List<Node> nodes, Value returned, Value thrown, List<Cell> cells,
                     Map<String, Value> statics, List<Hit> hits, List<Hit> bare, List<FlowFact> flows,
                     List<PendingCall> pending,
                     BitSet live, Set<MethodDef> callees) {

    /** A method that does nothing visible (no code, or not analysed). */
    /**
     * This summary without its effects on the heap, statics, return value and pending calls: what
     * it reports (flows, sinks its inputs reach) and whom it calls.
     */
    MethodSummary sinksOnly() {
        return new MethodSummary(method, nodes, Value.EMPTY, Value.EMPTY, List.of(), Map.of(), hits, bare, flows,
                List.of(), new BitSet(), callees);
    }

    static MethodSummary empty(MethodDef method) {
        return new MethodSummary(method, List.of(), Value.EMPTY, Value.EMPTY, List.of(), Map.of(), List.of(), List.of(),
                List.of(), List.of(), new BitSet(), Set.of());
    }

    /** One written field. */
    record Cell(int node, int field, Value value) {
    }

    /** Data reaching a sink, still depending on the caller. */
    record Hit(SinkSite sink, TaintSet explicit, TaintSet implicit, Value destination) {
    }

    /** A call left to the caller; {@code node} is the PENDING node standing for its result. */
    record PendingCall(int node, Site site, Insn.Invoke call, Value[] args) {
        @Override
        public boolean equals(Object o) {
            return o instanceof PendingCall p && p.node == node && p.site.equals(site) && p.call.equals(call)
                    && java.util.Arrays.equals(p.args, args);
        }

        @Override
        public int hashCode() {
            return node * 31 + site.hashCode();
        }
    }

    /**
     * A complete flow: one source label at one sink call.
     *
     * @param label        the source's label
     * @param sink         where it leaves
     * @param destinations the texts naming where it goes (may hold {@link StringValues#UNKNOWN} parts)
     * @param implicit     true when only a test of the data reaches the sink
     * @param context      the method in whose summary the flow was completed
     */
    record FlowFact(int label, SinkSite sink, Set<String> destinations, boolean implicit, MethodDef context) {
    }

    int size() {
        return cells.size() + hits.size() + pending.size() + statics.size();
    }
}
