package org.leakscan.analysis.taint;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.leakscan.program.Insn;
import org.leakscan.program.MethodDef;

/**
 * The whole app at the top level: one heap for every object the framework and the entry points
 * make, where entry summaries are applied (components' lifecycles, callbacks, static initialisers)
 * until nothing grows. An entry is applied again when a cell it read grows, so what one lifecycle
 * method stores reaches every other. Nothing here is symbolic.
 */
final class TopFrame extends Frame {

    /** An entry point: an app method the framework calls, with what it passes. */
    record Entry(int id, MethodDef method, Value[] args) {
    }

    /** Applications of one entry beyond this stop re-queuing it (reported). */
    private static final int MAX_APPLICATIONS = 500;
    /** Entries of one method with distinct receivers before one entry takes all further receivers. */
    private static final int MAX_ENTRIES_PER_METHOD = 8;
    private final java.util.Map<MethodDef, Integer> entriesPerMethod = new java.util.IdentityHashMap<>();

    private final Summaries summaries;
    private final CellStore cells = new CellStore();
    private final Map<String, Value> statics = new HashMap<>();
    /** When each cell grew and which entries read it. */
    private final CellGrowth growth = new CellGrowth();
    private final Map<String, BitSet> staticReaders = new HashMap<>();
    private final List<Entry> entries = new ArrayList<>();
    private final Map<List<Object>, Entry> entryKeys = new HashMap<>();
    private final Map<Integer, Integer> applications = new HashMap<>();
    private final LinkedHashSet<Integer> worklist = new LinkedHashSet<>();
    private final Set<MethodDef> applied = new LinkedHashSet<>();
    private final List<MethodSummary.FlowFact> flows = new ArrayList<>();
    private final Set<List<Object>> flowKeys = new java.util.HashSet<>();
    private final Set<String> initialised = new java.util.HashSet<>();
    private EntryPoints entryPoints;
    private Entry current;
    /** Summaries applied (not reused) within the current entry's application, nested ones included. */
    private int appliedInEntry;
    private final Map<Integer, Integer> appliedHistogram = new java.util.TreeMap<>();

    TopFrame(Scope scope, Summaries summaries) {
        super(scope);
        this.summaries = summaries;
    }

    void entryPoints(EntryPoints e) {
        this.entryPoints = e;
    }

    // ---- entries and the fixpoint -------------------------------------------------------------

    /** Adds an entry, or joins new arguments into an existing one for the same method and receiver. */
    void addEntry(MethodDef m, Value[] args) {
        if (m.body() == null) {
            return;
        }
        List<Object> key = List.of(m.ref(), m.isStatic() || args.length == 0 ? "" : args[0].objects());
        Entry e = entryKeys.get(key);
        if (e == null && entriesPerMethod.getOrDefault(m, 0) >= MAX_ENTRIES_PER_METHOD) {
            // Many receivers (a callback of a class with many objects, or receiver sets that keep
            // growing): one more entry takes all the rest, so entries stay linear in methods.
            key = List.of(m.ref(), "*");
            e = entryKeys.get(key);
        }
        if (e == null) {
            entriesPerMethod.merge(m, 1, Integer::sum);
            e = new Entry(entries.size(), m, args.clone());
            entries.add(e);
            entryKeys.put(key, e);
            worklist.add(e.id());
            return;
        }
        boolean grew = false;
        for (int i = 0; i < e.args().length && i < args.length; i++) {
            Value j = e.args()[i].join(args[i]);
            if (j != e.args()[i]) {
                e.args()[i] = j;
                grew = true;
            }
        }
        if (grew) {
            worklist.add(e.id());
        }
    }

    /** Applies entries until no cell they read grows. */
    void run() {
        while (!worklist.isEmpty()) {
            scope.budget.checkNow();
            int id = worklist.iterator().next();
            worklist.remove(id);
            Entry e = entries.get(id);
            int n = applications.merge(id, 1, Integer::sum);
            if (n > MAX_APPLICATIONS) {
                scope.unanalysed("fixpoint-cap", scope.where(e.method()));
                continue;
            }
            current = e;
            currentReads = readBy.computeIfAbsent(e.id(), x -> new BitSet());
            appliedInEntry = 0;
            long started = System.nanoTime();
            try {
                callApp(new Site(e.method(), -1), e.method(), expandStandIns(e.args()));
            } finally {
                current = null;
                currentReads = null;
                if (Interpreter.TRACE_SUMMARIES) {
                    appliedHistogram.merge(Integer.highestOneBit(appliedInEntry), 1, Integer::sum);
                    System.err.println("entry " + e.method().ref() + " applied=" + appliedInEntry + " ms="
                            + (System.nanoTime() - started) / 1_000_000 + " version=" + version);
                }
            }
        }
    }

    /** Arguments with the framework's stand-ins for the app's objects replaced by those objects, as known now. */
    private Value[] expandStandIns(Value[] args) {
        Value[] out = args;
        for (int i = 0; i < args.length; i++) {
            BitSet objs = args[i].objects();
            for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
                Node n = nodes.get(o);
                if (n.kind() == Node.Kind.GLOBAL && String.valueOf(n.key()).startsWith("standin:")) {
                    if (out == args) {
                        out = args.clone();
                    }
                    out[i] = out[i].join(globalValue((String) n.key(), n.type()));
                }
            }
        }
        return out;
    }

    private void wake(BitSet who) {
        if (who != null) {
            for (int id = who.nextSetBit(0); id >= 0; id = who.nextSetBit(id + 1)) {
                worklist.add(id);
            }
        }
    }

    // ---- heap -----------------------------------------------------------------------------------

    @Override
    Value cell(int node, int field) {
        int id = cells.id(node, field);
        noteRead(id);
        return cells.value(id);
    }

    @Override
    BitSet writtenFields(int node) {
        noteRead(cells.id(node, CellStore.STRUCTURE));
        return cells.fields(node);
    }

    /**
     * What the heap below some objects carries, worked out once while nothing grows: on an app
     * with a large SDK the same walks come back from every entry (the arguments of library calls,
     * the symbols of the summaries applied), and they were four tenths of its time. Whoever reuses
     * a walk becomes a reader of what it read.
     */
    @Override
    TaintSet collect(Value v, boolean allFields) {
        BitSet objs = v.objects();
        if (objs.isEmpty()) {
            return v.taint();
        }
        List<Object> key = List.of(objs, allFields);
        Walk w = walks.get(key);
        if (w != null && !unchangedSince(w.at(), w.cells(), w.cellCount(), Set.of())) {
            w = null;
        }
        if (w == null) {
            Reads reads = new Reads(applyingDepth());
            recording.push(reads);
            TaintSet t;
            try {
                t = super.collect(Value.ofObjects(objs), allFields);
            } finally {
                recording.pop();
            }
            if (!recording.isEmpty()) {
                recording.peek().cells.or(reads.cells);
            }
            w = new Walk(t, reads.cells, reads.cells.cardinality(), version);
            if (walks.size() >= MAX_MEMO) {
                walks.clear();
            }
            walks.put(List.of(objs.clone(), allFields), w);
        } else {
            replayReads(w.cells());
        }
        return v.taint().union(w.taint());
    }

    /** One heap walk: the taint found and the cells read. */
    private record Walk(TaintSet taint, BitSet cells, int cellCount, long at) {
    }

    private final Map<List<Object>, Walk> walks = new HashMap<>();

    /**
     * Who read a cell (by cell id; a node's set of fields is the cell of
     * {@link CellStore#STRUCTURE}): the application being recorded, and the entry being applied.
     * Reads are kept by cell, not by node: on a large SDK's singletons one field growing made
     * every reader of any other field apply again.
     */
    private void noteRead(int cell) {
        if (!recording.isEmpty()) {
            recording.peek().cells.set(cell);
        }
        if (current == null) {
            return;
        }
        if (!currentReads.get(cell)) {
            currentReads.set(cell);
            growth.addReader(cell, current.id());
        }
    }

    /** The cells each entry (by id) is already a reader of. */
    private final Map<Integer, BitSet> readBy = new HashMap<>();
    /** {@link #readBy} of the entry being applied (every cell read asks it). */
    private BitSet currentReads;

    @Override
    boolean store(int node, int field, Value v) {
        if (v.isEmpty()) {
            return false;
        }
        int cell = cells.id(node, field);
        int change = cells.join(cell, node, field, v);
        if (change == CellStore.UNCHANGED) {
            return false;
        }
        version++;
        wake(growth.grew(cell, version));
        if (change == CellStore.NEW_FIELD) {
            wake(growth.grew(cells.id(node, CellStore.STRUCTURE), version));
        }
        return true;
    }

    @Override
    Value readStatic(String key, String type) {
        int arrow = key.indexOf("->");
        if (arrow > 0) {
            initialise(key.substring(0, arrow));
        }
        noteStaticRead(key);
        return statics.getOrDefault(key, Value.EMPTY);
    }

    private void noteStaticRead(String key) {
        if (!recording.isEmpty()) {
            recording.peek().statics.add(key);
        }
        if (current != null) {
            staticReaders.computeIfAbsent(key, x -> new BitSet()).set(current.id());
        }
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
            version++;
            staticStamps.put(key, version);
            wake(staticReaders.get(key));
        }
    }

    /**
     * Runs a bundled library class's static initialiser the first time the app's code reads one
     * of its statics. The app's own initialisers are entries from the start ({@link EntryPoints}).
     */
    private void initialise(String type) {
        if (!scope.isBundledLibrary(type) || scope.isInfrastructure(type) || !initialised.add(type)) {
            return;
        }
        var c = scope.program.classDef(type);
        MethodDef clinit = c == null ? null : c.method("<clinit>", "()V");
        if (clinit != null && clinit.body() != null) {
            addEntry(clinit, new Value[0]);
        }
    }

    // ---- nodes ----------------------------------------------------------------------------------

    @Override
    Node global(String key, String type) {
        int before = nodes.size();
        Node n = nodes.get(Node.Kind.GLOBAL, key, type, key.startsWith("component:") || key.startsWith("inflated:"));
        if (nodes.size() > before && key.startsWith("prefs:")) {
            // A preferences file the framework hands back to a listener is one of the app's files.
            writeStatic("@instances:Landroid/content/SharedPreferences;", Value.ofObject(n.id()));
        }
        return n;
    }

    @Override
    Value globalValue(String key, String type) {
        Node n = global(key, type);
        Value v = Value.ofObject(n.id());
        if (key.startsWith("standin:")) {
            // The framework's stand-in for the app's activities (getActivity(), a Context passed in)
            // is every app instance of that type.
            v = v.join(readStatic("@instances:" + key.substring("standin:".length()), type));
        }
        return v;
    }

    @Override
    Node newObject(Site site, String tag, Node.Kind kind, String type, boolean exact) {
        Object via = current == null ? "top" : current.method().ref();
        return made(nodes.get(kind, new LocalKey(via, site, tag), type, exact));
    }

    @Override
    Node instance(Node calleeNode) {
        LocalKey k = (LocalKey) calleeNode.key();
        // Keyed by the entry's method, not the entry: an object a callback makes must not make the
        // next callback's object a new one, or callbacks would beget callbacks without end.
        Object via = current == null || madeInLibrary(k.origin()) ? k.via()
                : java.util.Arrays.asList(current.method().ref(), k.via());
        return made(nodes.get(calleeNode.kind(), new LocalKey(via, k.origin(), k.tag()), calleeNode.type(),
                calleeNode.exact()));
    }

    /**
     * True when a bundled library's code made the object (an SDK's request queue, its
     * singleton's helpers): such objects are one per place whichever entry reached it, so every
     * entry into the SDK finds the same ones instead of a copy per entry that each later entry's
     * walks must cross again.
     */
    private boolean madeInLibrary(Site origin) {
        if (origin == null) {
            return false;
        }
        var owner = scope.ownerOf(origin.method());
        return owner != null && scope.isBundledLibrary(owner.type());
    }

    private final BitSet announced = new BitSet();

    /** A new app object: the framework may now call its callbacks, and it stands in where its type is asked for. */
    private Node made(Node n) {
        if (!announced.get(n.id()) && n.kind() != Node.Kind.RESULT && entryPoints != null) {
            announced.set(n.id());
            entryPoints.instantiated(n);
        }
        return n;
    }

    @Override
    Node elementOf(Node array, String elementType) {
        LocalKey k = (LocalKey) array.key();
        return nodes.get(Node.Kind.RESULT, new LocalKey(k.via(), k.origin(), "element:" + k.tag()), elementType, false);
    }

    @Override
    boolean isInput(int node) {
        return false;
    }

    @Override
    boolean isTop() {
        return true;
    }

    // ---- effects --------------------------------------------------------------------------------

    @Override
    void hit(SinkSite sink, TaintSet explicit, TaintSet implicit, Value destination) {
        Set<String> texts = new TreeSet<>(destination.strings());
        BitSet labels = explicit.labels();
        boolean isImplicit = false;
        if (labels.isEmpty()) {
            labels = implicit.labels();
            isImplicit = true;
        }
        MethodDef context = current == null ? sink.site().method() : current.method();
        for (int l = labels.nextSetBit(0); l >= 0; l = labels.nextSetBit(l + 1)) {
            List<Object> k = List.of(l, sink, texts, isImplicit);
            if (flowKeys.add(k)) {
                flows.add(new MethodSummary.FlowFact(l, sink, texts, isImplicit, context));
            }
        }
    }

    @Override
    CallResult callApp(Site site, MethodDef target, Value[] args, TaintSet context) {
        MethodSummary s = summaries.of(target);
        applied.add(target);
        List<Object> key = List.of(target, java.util.Arrays.asList(args.clone()), context);
        Applied known = memo.get(key);
        if (known != null && unchangedSince(known.at(), known.cells(), known.cellCount(), known.statics())
                && sameRefusals(known)) {
            replay(known);
            return known.result();
        }
        appliedInEntry++;
        long before = version;
        Reads reads = new Reads(applyingDepth());
        recording.push(reads);
        CallResult r;
        try {
            r = apply(s, args, context);
        } finally {
            recording.pop();
        }
        if (!recording.isEmpty()) {
            recording.peek().cells.or(reads.cells);
            recording.peek().statics.addAll(reads.statics);
            inherit(reads.refusedOn, reads.pastBound);
        }
        if (version == before) {
            if (memo.size() >= MAX_MEMO) {
                memo.clear();
            }
            memo.put(key, new Applied(r, reads.cells, reads.cells.cardinality(), reads.statics, version,
                    reads.refusedOn, reads.pastBound, reads.startDepth));
        }
        return r;
    }

    /**
     * Calls applied at the top level while nothing grew, by method, arguments and context. Pending
     * calls that summaries leave to their callers are made again here, each applying its callee's
     * summary, and the same chains come back from every entry that reaches them: on an app with a
     * large SDK nine in ten such applications repeated one made since the heap last grew. With the
     * heap and statics as they were, applying again writes nothing new and gives the same value,
     * so the value is reused and the entry is made a reader of what the first application read.
     * An application that grew the heap is not kept; one in which a nested one was refused is
     * kept with what it depends on (see {@link #sameRefusals}).
     */
    private record Applied(CallResult result, BitSet cells, int cellCount, Set<String> statics, long at,
                           Set<MethodDef> refusedOn, boolean pastBound, int startDepth) {
    }

    /**
     * An application in which a nested one was refused depends on who was being applied around
     * it: it is reused only where the methods it recursed into are being applied again (so the
     * same recursions are refused) and, if it met the nesting bound, no shallower than it was made.
     */
    private boolean sameRefusals(Applied a) {
        for (MethodDef m : a.refusedOn()) {
            if (applyingPosition(m) < 0) {
                return false;
            }
        }
        return !a.pastBound() || applyingDepth() >= a.startDepth();
    }

    @Override
    void refused(int position) {
        inherit(position < 0 ? Set.of() : Set.of(applyingAt(position)), position < 0);
    }

    /**
     * Hands refusals to the innermost application being recorded: it depends on a recursion into
     * a method that was being applied before it started, and on the nesting bound. It hands them
     * on to its own caller's application when it ends.
     */
    private void inherit(Set<MethodDef> refusedOn, boolean pastBound) {
        Reads r = recording.peek();
        if (r == null) {
            return;
        }
        for (MethodDef m : refusedOn) {
            int p = applyingPosition(m);
            if (p >= 0 && p < r.startDepth) {
                r.refusedOn.add(m);
            }
        }
        r.pastBound |= pastBound;
    }

    /** True when no cell in {@code cellsRead} and no static in {@code statics} grew after {@code at}. */
    private boolean unchangedSince(long at, BitSet cellsRead, int cellCount, Set<String> statics) {
        if (at == version) {
            return true;
        }
        if (!growth.unchangedSince(at, cellsRead, cellCount)) {
            return false;
        }
        for (String k : statics) {
            if (staticStamps.getOrDefault(k, 0L) > at) {
                return false;
            }
        }
        return true;
    }

    /** The version at which each static last grew (cells: {@link #growth}). */
    private final Map<String, Long> staticStamps = new HashMap<>();
    /** Applications and walks kept for reuse before the store is emptied (memory). */
    private static final int MAX_MEMO = 100_000;

    /** What one application read: whoever reuses it must be woken when any of it grows. */
    private static final class Reads {
        /** Cell ids (see {@link CellStore#id}). */
        final BitSet cells = new BitSet();
        final Set<String> statics = new java.util.HashSet<>();
        /** Methods applied outside this application that it recursed into (refused). */
        final Set<MethodDef> refusedOn = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        boolean pastBound;
        /** How many applications were under way when it started. */
        final int startDepth;

        Reads(int startDepth) {
            this.startDepth = startDepth;
        }
    }

    private final Map<List<Object>, Applied> memo = new HashMap<>();
    private final java.util.ArrayDeque<Reads> recording = new java.util.ArrayDeque<>();
    /** Grows with every cell or static that grows. */
    private long version;

    private void replay(Applied a) {
        replayReads(a.cells());
        for (String key : a.statics()) {
            noteStaticRead(key);
        }
        if (!a.refusedOn().isEmpty() || a.pastBound()) {
            inherit(a.refusedOn(), a.pastBound());
        }
    }

    /** As {@link #noteRead} for each cell, a word at a time: a reused application read thousands. */
    private void replayReads(BitSet cellsRead) {
        if (!recording.isEmpty()) {
            recording.peek().cells.or(cellsRead);
        }
        if (current != null) {
            BitSet known = currentReads;
            BitSet fresh = (BitSet) cellsRead.clone();
            fresh.andNot(known);
            known.or(fresh);
            for (int c = fresh.nextSetBit(0); c >= 0; c = fresh.nextSetBit(c + 1)) {
                growth.addReader(c, current.id());
            }
        }
    }

    @Override
    CallResult defer(Site site, Insn.Invoke call, Value[] args) {
        // Everything is known here; a handler asking for a caller found something it cannot resolve.
        scope.unanalysed("unresolved-call", scope.where(site.method()) + " -> " + call.method());
        return CallResult.NOTHING;
    }

    List<MethodSummary.FlowFact> flows() {
        return flows;
    }

    /** The methods whose summaries the top level applied. */
    Set<MethodDef> applied() {
        return applied;
    }

    int entryCount() {
        return entries.size();
    }

    Map<String, Integer> stats() {
        Map<String, Integer> out = new LinkedHashMap<>();
        out.put("entries", entries.size());
        out.put("nodes", nodes.size());
        out.put("cells", cells.size());
        out.put("applications", applications.values().stream().mapToInt(Integer::intValue).sum());
        out.put("flows", flows.size());
        if (Interpreter.TRACE_SUMMARIES) {
            applications.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(15)
                    .forEach(x -> System.err.println("  applied " + x.getValue() + "x " + entries.get(x.getKey()).method().ref()
                            + " size=" + summaries.of(entries.get(x.getKey()).method()).size()));
            java.util.Map<Integer, Integer> hist = new java.util.TreeMap<>();
            applications.values().forEach(v -> hist.merge(v, 1, Integer::sum));
            System.err.println("  applications histogram " + hist);
            System.err.println("  summaries applied per entry application (power of two: count) " + appliedHistogram);
            System.err.println("  entries still queued " + worklist.size());
        }
        return out;
    }
}

