package org.leakscan.analysis.taint;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.leakscan.program.ClassDef;
import org.leakscan.program.Insn;
import org.leakscan.program.MethodDef;
import org.leakscan.program.Types;

/**
 * The frame of one method being summarised. What the method is given (parameters, the fields of
 * what it is given, statics, app-wide objects, the results of calls left to the caller) are input
 * nodes whose content is symbolic; what it makes are local nodes. Its heap is its own: weak
 * updates, flow-insensitive within the method. When the body has run to its fixpoint,
 * {@link #summary()} keeps what a caller can see.
 */
final class SummaryFrame extends Frame {

    /** Fields are followed this many steps from an input before the rest is taken as the object itself. */
    static final int MAX_INPUT_DEPTH = 3;
    /** Beyond this many nodes, objects arriving through calls share one node per place they were made. */
    static final int MAX_NODES = 300;
    /** One allocation site gets its own object for at most this many calls of this method; then they share one. */
    static final int MAX_CONTEXTS = 3;
    /** At most this many sinks called with nothing tainted are kept for callers' implicit flows. */
    private static final int MAX_BARE_SINKS = 16;
    /** At most this many pending hits per sink call; more are joined into one. */
    private static final int MAX_HITS_PER_SINK = 8;

    final MethodDef method;
    final ClassDef owner;
    private final Summaries summaries;
    /** The call of this method being interpreted: the {@code via} of objects made through it. */
    Site via;
    Value returned = Value.EMPTY;
    Value thrown = Value.EMPTY;
    private final CellStore cells = new CellStore();
    private final Map<String, Value> statics = new TreeMap<>();
    private final Map<List<Object>, MethodSummary.Hit> hits = new LinkedHashMap<>();
    private final Map<SinkSite, Integer> hitsPerSink = new HashMap<>();
    private final List<MethodSummary.FlowFact> flows = new ArrayList<>();
    private final Set<List<Object>> flowKeys = new HashSet<>();
    private final Map<Integer, MethodSummary.PendingCall> pending = new LinkedHashMap<>();
    private final Set<MethodDef> callees = new LinkedHashSet<>();
    private final BitSet live = new BitSet();
    private final Set<MethodSummary.Hit> bare = new LinkedHashSet<>();
    private final Map<List<Object>, Integer> contexts = new HashMap<>();
    private final Set<Long> readCells = new HashSet<>();
    private final Set<String> readStatics = new HashSet<>();
    private boolean readChanged;

    SummaryFrame(Scope scope, Summaries summaries, MethodDef method) {
        super(scope);
        this.method = method;
        this.owner = scope.ownerOf(method);
        this.summaries = summaries;
    }

    // ---- inputs -------------------------------------------------------------------------------

    /** What parameter {@code p} (0 is the receiver of an instance method) holds at entry. */
    Value paramValue(int p) {
        String type;
        List<String> params = method.ref().parameterTypes();
        int declared = method.isStatic() ? p : p - 1;
        if (declared < 0) {
            type = owner != null ? owner.type() : method.ref().owner();
        } else {
            type = declared < params.size() ? params.get(declared) : "Ljava/lang/Object;";
        }
        return entryValue(nodes.get(Node.Kind.PARAM, p, type, false));
    }

    /** What an input node's location held at entry: the objects there, their taint, and their text. */
    Value entryValue(Node n) {
        String t = n.type();
        BitSet objs = new BitSet();
        if (Types.isReference(t) && !LibraryModels.isValueType(t)) {
            objs.set(n.id());
        }
        TaintSet taint = TaintSet.symbol(Symbols.of(n.id(), Symbols.VALUE));
        return Value.of(objs, taint, TaintSet.EMPTY, mayBeConstant(t) ? Set.of(Symbols.hole(n.id())) : Set.of(), false);
    }

    /**
     * Types whose values may carry constants the analysis follows: texts, class literals, method
     * handles, integers (resource ids, indices) — any reference, and the integral primitives.
     */
    private static boolean mayBeConstant(String type) {
        return Types.isReference(type) || switch (type) {
            case "I", "J", "S", "B", "C" -> true;
            default -> false;
        };
    }

    @Override
    boolean isInput(int node) {
        return nodes.get(node).isInput();
    }

    @Override
    boolean isTop() {
        return false;
    }

    // ---- heap ---------------------------------------------------------------------------------

    /**
     * The key of a cell in the set of cells read in this pass: unique, and with a hash that spreads
     * (node and field are each scrambled by an odd multiplier, so {@code Long.hashCode} does not fold
     * them onto each other).
     */
    private static long key(int node, int field) {
        return ((long) (node * 0x85EBCA6B) << 32) | ((field * 0x9E3779B1) & 0xffffffffL);
    }

    @Override
    Value cell(int node, int field) {
        readCells.add(key(node, field));
        Value v = cells.get(node, field);
        Node n = nodes.get(node);
        if (n.isInput()) {
            v = entryOf(n, field).join(v);
        }
        return v;
    }

    /** What field {@code field} of input node {@code n} held at entry. */
    private Value entryOf(Node n, int field) {
        if (n.depth() >= MAX_INPUT_DEPTH || (nodes.size() >= MAX_NODES && n.depth() >= 1)) {
            return entryValue(n);
        }
        int f = field;
        String type = fields.typeOf(f);
        if (type == null && (fields.isElement(f) || f == fields.allElements) && n.type().startsWith("[")) {
            type = n.type().substring(1);
        }
        return entryValue(nodes.field(n, f, type));
    }

    @Override
    boolean store(int node, int field, Value v) {
        if (cells.join(node, field, v) == CellStore.UNCHANGED) {
            return false;
        }
        grown++;
        if (readCells.contains(key(node, field))) {
            readChanged = true;
        }
        return true;
    }

    @Override
    BitSet writtenFields(int node) {
        return cells.fields(node);
    }

    /**
     * Heap walks repeated while nothing in the frame has grown, in the same pass, give what they
     * gave: the arguments of successive library calls and the symbols of successive callee
     * applications walk the same objects again, a tenth of a large SDK's time. A reused walk
     * charges the work it was charged, so what a summary's bound cuts stays the same; the walk's
     * reads were recorded for this pass when it was made. Input fields past {@link #MAX_NODES}
     * collapse, so crossing it starts afresh.
     */
    @Override
    TaintSet collect(Value v, boolean allFields) {
        BitSet objs = v.objects();
        if (objs.isEmpty()) {
            return v.taint();
        }
        boolean saturated = nodes.size() >= MAX_NODES;
        if (walksGrown != grown || walksPass != passes || walksSaturated != saturated) {
            walks.clear();
            walksGrown = grown;
            walksPass = passes;
            walksSaturated = saturated;
        }
        List<Object> key = List.of(objs, allFields);
        Walk w = walks.get(key);
        if (w == null) {
            long before = scope.budget.work();
            TaintSet t = super.collect(Value.ofObjects(objs), allFields);
            w = new Walk(t, scope.budget.work() - before);
            if (nodes.size() >= MAX_NODES == saturated) {
                walks.put(List.of(objs.clone(), allFields), w);
            }
        } else if (w.work() > 0) {
            scope.budget.charge((int) w.work());
        }
        return v.taint().union(w.taint());
    }

    private record Walk(TaintSet taint, long work) {
    }

    private final Map<List<Object>, Walk> walks = new HashMap<>();
    /** Stores that grew a cell so far: a walk holds while this is what it was. */
    private long grown;
    private long walksGrown = -1;
    private int walksPass = -1;
    private boolean walksSaturated;

    @Override
    Value readStatic(String key, String type) {
        readStatics.add(key);
        return entryValue(nodes.get(Node.Kind.STATIC, key, type, false)).join(statics.getOrDefault(key, Value.EMPTY));
    }

    @Override
    void writeStatic(String key, Value v) {
        if (v.isEmpty()) {
            return;
        }
        Value old = statics.getOrDefault(key, Value.EMPTY);
        Value joined = old.join(v);
        if (joined != old) {
            statics.put(key, joined);
            if (readStatics.contains(key)) {
                readChanged = true;
            }
        }
    }

    /** Passes over the body so far (for tracing). */
    int passes;

    /** Starts one pass over the body: what it reads from now on is watched for later writes. */
    void startPass() {
        passes++;
        readCells.clear();
        readStatics.clear();
        readChanged = false;
    }

    /** True when a cell read in this pass was written after it was read. */
    boolean readCellChanged() {
        return readChanged;
    }

    // ---- nodes --------------------------------------------------------------------------------

    @Override
    Node global(String key, String type) {
        return nodes.get(Node.Kind.GLOBAL, key, type, false);
    }

    @Override
    Node newObject(Site site, String tag, Node.Kind kind, String type, boolean exact) {
        Node n = nodes.get(kind, new LocalKey(via, site, tag), type, exact);
        if (kind != Node.Kind.RESULT && scope.callbacks.hasCallbacks(n.type())) {
            live.set(n.id());
        }
        return n;
    }

    @Override
    Value globalValue(String key, String type) {
        return Value.ofObject(global(key, type).id());
    }

    @Override
    Node instance(Node calleeNode) {
        LocalKey k = (LocalKey) calleeNode.key();
        LocalKey key = new LocalKey(via, k.origin(), k.tag());
        if (nodes.find(calleeNode.kind(), key) == null) {
            if (nodes.size() >= MAX_NODES) {
                // The summary is large (objects of a deep call tree pile up in it): one object per
                // type for the rest, so its size stays bounded whatever the depth of the tree.
                key = new LocalKey("*", null, "overflow:" + calleeNode.type());
            } else if (contexts.merge(java.util.Arrays.asList(k.origin(), k.tag()), 1, Integer::sum) > MAX_CONTEXTS) {
                // Made through many calls of this method: one object for the rest of them.
                key = new LocalKey("*", k.origin(), k.tag());
            }
        }
        Node n = nodes.get(calleeNode.kind(), key, calleeNode.type(), calleeNode.exact());
        if (calleeNode.kind() != Node.Kind.RESULT && scope.callbacks.hasCallbacks(n.type())) {
            live.set(n.id());
        }
        return n;
    }

    @Override
    Node elementOf(Node array, String elementType) {
        LocalKey k = (LocalKey) array.key();
        return nodes.get(Node.Kind.RESULT, new LocalKey(k.via(), k.origin(), "element:" + k.tag()), elementType, false);
    }

    // ---- effects ------------------------------------------------------------------------------

    @Override
    void hit(SinkSite sink, TaintSet explicit, TaintSet implicit, Value destination) {
        if (explicit.isEmpty() && implicit.isEmpty()) {
            return;
        }
        if (!isSymbolic(destination)) {
            TaintSet concrete = explicit.concrete();
            if (!concrete.isEmpty()) {
                report(concrete.labels(), sink, destination, false);
                if (explicit.isSymbolic()) {
                    addHit(sink, explicit.minus(concrete), TaintSet.EMPTY, destination);
                }
                return;
            }
            if (explicit.isEmpty() && !implicit.isSymbolic()) {
                report(implicit.labels(), sink, destination, true);
                return;
            }
        }
        addHit(sink, explicit, implicit, destination);
    }

    private void addHit(SinkSite sink, TaintSet explicit, TaintSet implicit, Value destination) {
        List<Object> key = List.of(sink, explicit, implicit, destination);
        if (hits.containsKey(key)) {
            return;
        }
        int count = hitsPerSink.merge(sink, 1, Integer::sum);
        if (count > MAX_HITS_PER_SINK) {
            // Too many ways to reach one sink: join them (context for this sink is lost).
            List<Object> joinedKey = List.of(sink, "joined");
            MethodSummary.Hit old = hits.get(joinedKey);
            MethodSummary.Hit joined = old == null ? new MethodSummary.Hit(sink, explicit, implicit, destination)
                    : new MethodSummary.Hit(sink, old.explicit().union(explicit), old.implicit().union(implicit),
                    old.destination().join(destination));
            hits.put(joinedKey, joined);
            return;
        }
        hits.put(key, new MethodSummary.Hit(sink, explicit, implicit, destination));
    }

    private void report(BitSet labels, SinkSite sink, Value destination, boolean implicit) {
        Set<String> texts = new TreeSet<>(destination.strings());
        for (int l = labels.nextSetBit(0); l >= 0; l = labels.nextSetBit(l + 1)) {
            List<Object> key = List.of(l, sink, texts, implicit);
            if (flowKeys.add(key)) {
                flows.add(new MethodSummary.FlowFact(l, sink, texts, implicit, method));
            }
        }
    }

    @Override
    CallResult callApp(Site site, MethodDef target, Value[] args, TaintSet context) {
        MethodSummary s = summaries.of(target);
        callees.add(target);
        return apply(s, args, context);
    }

    @Override
    void bareSink(SinkSite sink, Value destination) {
        if (scope.tracksImplicit(method) && sink.site().method() == method && bare.size() < MAX_BARE_SINKS) {
            bare.add(new MethodSummary.Hit(sink, TaintSet.EMPTY, TaintSet.EMPTY, destination));
        }
    }

    @Override
    CallResult defer(Site site, Insn.Invoke call, Value[] args) {
        String type = call.method().returnType();
        LocalKey key = new LocalKey(via, site, "pending");
        if (nodes.find(Node.Kind.PENDING, key) == null && (nodes.size() >= MAX_NODES
                || contexts.merge(List.of(site, "pending"), 1, Integer::sum) > MAX_CONTEXTS)) {
            key = new LocalKey("*", site, "pending");
        }
        Node n = nodes.get(Node.Kind.PENDING, key, type.equals("V") ? null : type, false);
        MethodSummary.PendingCall old = pending.get(n.id());
        Value[] joined = args.clone();
        if (old != null) {
            for (int i = 0; i < joined.length && i < old.args().length; i++) {
                joined[i] = old.args()[i].join(joined[i]);
            }
        }
        pending.put(n.id(), new MethodSummary.PendingCall(n.id(), site, call, joined));
        return type.equals("V") ? CallResult.NOTHING : CallResult.of(entryValue(n));
    }

    // ---- the summary ----------------------------------------------------------------------------

    /** What a caller can see of this method. */
    MethodSummary summary() {
        BitSet reach = new BitSet();
        ArrayDeque<Integer> todo = new ArrayDeque<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).isInput() || live.get(i)) {
                mark(i, reach, todo);
            }
        }
        List<Value> roots = new ArrayList<>();
        roots.add(returned);
        roots.add(thrown);
        roots.addAll(statics.values());
        for (MethodSummary.Hit h : hits.values()) {
            roots.add(h.destination());
        }
        for (MethodSummary.Hit h : bare) {
            roots.add(h.destination());
        }
        for (MethodSummary.PendingCall p : pending.values()) {
            roots.addAll(List.of(p.args()));
        }
        for (Value v : roots) {
            BitSet objs = v.objects();
            for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
                mark(o, reach, todo);
            }
        }
        while (!todo.isEmpty()) {
            int o = todo.poll();
            BitSet fs = writtenFields(o);
            for (int f = fs.nextSetBit(0); f >= 0; f = fs.nextSetBit(f + 1)) {
                BitSet objs = cells.get(o, f).objects();
                for (int x = objs.nextSetBit(0); x >= 0; x = objs.nextSetBit(x + 1)) {
                    mark(x, reach, todo);
                }
            }
        }
        List<MethodSummary.Cell> kept = new ArrayList<>();
        for (int o = reach.nextSetBit(0); o >= 0; o = reach.nextSetBit(o + 1)) {
            BitSet fs = writtenFields(o);
            for (int f = fs.nextSetBit(0); f >= 0; f = fs.nextSetBit(f + 1)) {
                kept.add(new MethodSummary.Cell(o, f, cells.get(o, f)));
            }
        }
        List<Node> table = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            table.add(nodes.get(i));
        }
        BitSet liveNow = (BitSet) live.clone();
        return new MethodSummary(method, List.copyOf(table), returned, thrown, List.copyOf(kept), java.util.Collections.unmodifiableMap(new TreeMap<>(statics)),
                List.copyOf(hits.values()), List.copyOf(bare), List.copyOf(flows), List.copyOf(pending.values()), liveNow, java.util.Collections.unmodifiableSet(new LinkedHashSet<>(callees)));
    }

    private static void mark(int o, BitSet reach, ArrayDeque<Integer> todo) {
        if (!reach.get(o)) {
            reach.set(o);
            todo.add(o);
        }
    }
}
