package org.leakscan.analysis.taint;

import java.util.BitSet;
import org.leakscan.program.Insn;
import org.leakscan.program.MethodDef;

/**
 * The state that code and library semantics act on: a method being summarised
 * ({@link SummaryFrame}) or the whole app at the top level ({@link TopFrame}). This is the narrow
 * interface the semantic handlers ({@link LibraryModels}, {@link Intents}, {@link Threads},
 * {@link Reflection}, {@link HttpLibraries}...) are given: read and write fields, make objects,
 * start taint at a source, report data reaching a sink, call app code, and leave to the caller what
 * cannot be decided here.
 */
abstract class Frame {

    /** At most this deep into fields and wrappers when collecting what a value carries. */
    static final int TAINT_DEPTH = 3;

    final Scope scope;
    final Fields fields;
    final NodeTable nodes = new NodeTable();

    Frame(Scope scope) {
        this.scope = scope;
        this.fields = scope.fields;
    }

    // ---- backing store -------------------------------------------------------------------

    /** One cell as the frame knows it: what was written here, and for an input node what it held at entry. */
    abstract Value cell(int node, int field);

    /** Joins into one cell; true when it grew. */
    abstract boolean store(int node, int field, Value v);

    /** The fields of a node written in this frame so far. */
    abstract BitSet writtenFields(int node);

    /** A static field's value; {@code key} is {@code Lowner;->name}. */
    abstract Value readStatic(String key, String type);

    abstract void writeStatic(String key, Value v);

    /** The node of an app-wide object known by name (a preferences file, a component's incoming intent...). */
    abstract Node global(String key, String type);

    /** The value an app-wide object has here (at the top level, the framework's stand-ins are the app's instances). */
    abstract Value globalValue(String key, String type);

    /** The node in this frame for a callee's local node, arriving through the current call. */
    abstract Node instance(Node calleeNode);

    /** A node made by the call at {@code site} ({@code tag} tells several apart), in this frame. */
    abstract Node newObject(Site site, String tag, Node.Kind kind, String type, boolean exact);

    /** True when the frame knows the node only by where it comes from (its content is the caller's). */
    abstract boolean isInput(int node);

    /** True for the top level, where everything is known and nothing is left to a caller. */
    abstract boolean isTop();

    // ---- effects ---------------------------------------------------------------------------

    /** Data reaching a sink: explicit taint, the tests that decided the call, and where it goes. */
    abstract void hit(SinkSite sink, TaintSet explicit, TaintSet implicit, Value destination);

    /**
     * Methods whose summaries are being applied in this frame right now, outermost first: a call
     * a summary left to its caller may lead back into one of them, which would never end.
     */
    private final java.util.Set<MethodDef> applying = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** The same methods in the order they are being applied, outermost first. */
    private final java.util.List<MethodDef> applyingStack = new java.util.ArrayList<>();
    /** Summaries applied inside summaries being applied, at most this deep in one frame. */
    private static final int MAX_NESTED_APPLICATIONS = 64;

    /** Applies {@code s} unless that would recurse; the frame's fixpoint sees what a recursion would add. */
    final CallResult apply(MethodSummary s, Value[] args, TaintSet context) {
        if (applying.contains(s.method())) {
            refused(applyingStack.indexOf(s.method()));
            return CallResult.NOTHING;
        }
        if (applying.size() >= MAX_NESTED_APPLICATIONS) {
            refused(-1);
            return CallResult.NOTHING;
        }
        applying.add(s.method());
        applyingStack.add(s.method());
        try {
            return new Instantiation(this, s, args, context).apply();
        } finally {
            applying.remove(s.method());
            applyingStack.remove(applyingStack.size() - 1);
        }
    }

    /**
     * An application was refused: a recursion into the method at {@code position} of the
     * applying stack, or (-1) past the nesting bound.
     */
    void refused(int position) {
    }

    /** How many summaries are being applied in this frame right now. */
    final int applyingDepth() {
        return applyingStack.size();
    }

    /** Where {@code m} is on the applying stack (0 outermost), or -1 when it is not being applied. */
    final int applyingPosition(MethodDef m) {
        return applying.contains(m) ? applyingStack.indexOf(m) : -1;
    }

    /** The method at {@code position} of the applying stack (0 outermost). */
    final MethodDef applyingAt(int position) {
        return applyingStack.get(position);
    }

    /** Runs an app method's summary here, as a call from {@code site}. */
    CallResult callApp(Site site, MethodDef target, Value[] args) {
        return callApp(site, target, args, TaintSet.EMPTY);
    }

    /**
     * Runs an app method's summary here, as a call from {@code site} made under tests of the data
     * in {@code context} (whether the call runs, or on which object, depends on them).
     */
    abstract CallResult callApp(Site site, MethodDef target, Value[] args, TaintSet context);

    /** A sink called with nothing tainted: it reveals something only if a caller's test decides the call. */
    void bareSink(SinkSite sink, Value destination) {
    }

    /**
     * Leaves a call whose meaning depends on what only a caller knows (the run-time type of an
     * argument, a constant it passes) to the caller; returns the call's stand-in result. The top
     * frame knows everything and never defers.
     */
    abstract CallResult defer(Site site, Insn.Invoke call, Value[] args);

    /** The label of a source read at {@code site}; empty when sources are not seeded there. */
    TaintSet label(String dataType, String api, Site site) {
        return label(dataType, api, null, site);
    }

    /** The label of a content-provider read at {@code site}: the API called and the URI read. */
    TaintSet label(String dataType, String api, String uri, Site site) {
        var owner = scope.ownerOf(site.method());
        if (owner == null || !scope.seedsSources(owner.type())) {
            return TaintSet.EMPTY;
        }
        return TaintSet.label(scope.labels.label(dataType, api, uri, owner, site.method(), site.index()));
    }

    // ---- derived operations ---------------------------------------------------------------

    Node node(int id) {
        return nodes.get(id);
    }

    /** True when the value depends on what a caller passes (symbols, holes, input nodes). */
    boolean isSymbolic(Value v) {
        if (v.taint().isSymbolic() || v.implicit().isSymbolic() || v.hasHoles()) {
            return true;
        }
        BitSet objs = v.objects();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            if (isInput(o)) {
                return true;
            }
        }
        return false;
    }

    /** True when some object of the value is known only by where it comes from. */
    boolean hasInputObjects(Value v) {
        BitSet objs = v.objects();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            if (isInput(o)) {
                return true;
            }
        }
        return false;
    }

    /** The join of field {@code field} over every object {@code base} may be, array elements understood. */
    Value read(Value base, int field) {
        Value out = Value.EMPTY;
        BitSet objs = base.objects();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            out = out.join(readOne(o, field));
        }
        return out;
    }

    /** One object's field; an element at a known index also sees writes at unknown ones, and the reverse. */
    Value readOne(int o, int field) {
        Value out = cell(o, field);
        if (fields.isElement(field)) {
            if (field != fields.elements) {
                out = out.join(cell(o, fields.elements));
            } else {
                BitSet fs = writtenFields(o);
                for (int f = fs.nextSetBit(0); f >= 0; f = fs.nextSetBit(f + 1)) {
                    if (f != field && fields.isElement(f)) {
                        out = out.join(cell(o, f));
                    }
                }
                if (isInput(o)) {
                    out = out.join(cell(o, fields.allElements));
                }
            }
        }
        return out;
    }

    /** The cells themselves, without the array-element joins of {@link #read}. */
    Value readRaw(Value base, int field) {
        Value out = Value.EMPTY;
        BitSet objs = base.objects();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            out = out.join(cell(o, field));
        }
        return out;
    }

    /** Joins {@code v} into field {@code field} of every object {@code base} may be. */
    void write(Value base, int field, Value v) {
        if (v.isEmpty()) {
            return;
        }
        BitSet objs = base.objects();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            store(o, field, v);
        }
        if (field == fields.content) {
            // What goes into a wrapper (a writer over a stream, a Formatter over a builder) goes into what it wraps.
            BitSet inner = (BitSet) read(base, fields.wraps).objects().clone();
            inner.andNot(objs);
            if (!inner.isEmpty()) {
                write(Value.ofObjects(inner), field, v);
            }
        }
    }

    /**
     * What a library container holds: the value's taint and the pseudo-fields (content, keys,
     * elements) of its objects, not an app object's own fields.
     */
    TaintSet contentTaint(Value v) {
        return collect(v, false);
    }

    /**
     * Everything an argument carries to a sink, a serialiser or native code: its own taint and the
     * taint of every field reachable from its objects.
     */
    TaintSet fullTaint(Value v) {
        return collect(v, true);
    }

    /** The taint of {@code v} and of the fields reachable from its objects (all fields, or only pseudo-fields). */
    TaintSet collect(Value v, boolean allFields) {
        // Accumulated in place: on real apps the reachable cells carry thousands of labels.
        BitSet labels = null;
        BitSet inputs = null;
        BitSet seen = new BitSet();
        BitSet level = (BitSet) v.objects().clone();
        int steps = 0;
        for (int depth = 0; depth < TAINT_DEPTH && !level.isEmpty(); depth++) {
            BitSet next = new BitSet();
            for (int o = level.nextSetBit(0); o >= 0; o = level.nextSetBit(o + 1)) {
                if (seen.get(o)) {
                    continue;
                }
                seen.set(o);
                if (isInput(o)) {
                    if (inputs == null) {
                        labels = (BitSet) v.taint().labels().clone();
                        inputs = (BitSet) v.taint().inputs().clone();
                    }
                    inputs.set(Symbols.of(o, allFields ? Symbols.FULL : Symbols.CONTENT));
                }
                BitSet fs = writtenFields(o);
                for (int f = fs.nextSetBit(0); f >= 0; f = fs.nextSetBit(f + 1)) {
                    if (f == fields.openedBy || f == fields.target
                            || (!allFields && (f == fields.fileData || !fields.isPseudo(f)))) {
                        continue;
                    }
                    Value fv = cell(o, f);
                    steps++;
                    TaintSet t = fv.taint();
                    if (!t.isEmpty()) {
                        if (inputs == null) {
                            labels = (BitSet) v.taint().labels().clone();
                            inputs = (BitSet) v.taint().inputs().clone();
                        }
                        labels.or(t.labels());
                        inputs.or(t.inputs());
                    }
                    next.or(fv.objects());
                }
            }
            next.andNot(seen);
            level = next;
        }
        if (steps > 0) {
            scope.budget.charge(steps);
        }
        if (inputs == null) {
            return v.taint();
        }
        TaintSet out = TaintSet.of(labels, inputs);
        return out.equals(v.taint()) ? v.taint() : out;
    }

    /** The values held in an object's pseudo-fields (for "receiver to return" on containers). */
    Value content(Value v) {
        Value out = v.withoutConstants().taintOnly();
        BitSet objs = v.objects();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            if (isInput(o)) {
                out = out.join(cell(o, fields.content)).join(cell(o, fields.elements));
            }
            BitSet fs = writtenFields(o);
            for (int f = fs.nextSetBit(0); f >= 0; f = fs.nextSetBit(f + 1)) {
                if (fields.isPseudo(f) && f != fields.openedBy && f != fields.wraps && f != fields.target
                        && f != fields.fileData
                        && f != fields.text && f != fields.runs) {
                    out = out.join(cell(o, f));
                }
            }
        }
        return out;
    }

    /** Reads an array element: at a constant index, at any index, or out of a library-made array. */
    Value readElement(Value array, Value index) {
        Value out = array.taintOnly();
        Long k = index.intConstant();
        BitSet objs = array.objects();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            Node n = node(o);
            if (n.kind() == Node.Kind.RESULT && !String.valueOf(n.key()).contains("element:element:")) {
                // An array library code made: its elements are unknown objects; give them one identity
                // so writes through one read reach the next.
                String elementType = n.type().startsWith("[") ? n.type().substring(1) : null;
                Node element = elementOf(n, elementType);
                store(o, fields.elements, Value.ofObject(element.id()));
            }
            out = out.join(readOne(o, k != null ? fields.element(k) : fields.elements));
        }
        return out;
    }

    /** The one object standing for the elements of a library-made array. */
    abstract Node elementOf(Node array, String elementType);

    void writeElement(Value array, Value index, Value v) {
        Long k = index.intConstant();
        write(array, k != null ? fields.element(k) : fields.elements, v);
    }

    /** What a call gives back: its value, what it may throw, and updates to its argument registers. */
    record CallResult(Value value, Value thrown, Value[] updatedArgs) {
        static final CallResult NOTHING = new CallResult(Value.EMPTY, Value.EMPTY, null);

        static CallResult of(Value v) {
            return new CallResult(v, Value.EMPTY, null);
        }
    }
}
