package org.leakscan.analysis.dataflow;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leakscan.analysis.ApiResolver;
import org.leakscan.catalog.Catalogs;
import org.leakscan.catalog.Source;
import org.leakscan.program.ClassDef;
import org.leakscan.program.ClassHierarchy;
import org.leakscan.program.FieldRef;
import org.leakscan.program.Insn;
import org.leakscan.program.MethodDef;
import org.leakscan.program.MethodRef;
import org.leakscan.program.Program;
import org.leakscan.program.Types;

/**
 * The whole-program fixpoint. Methods are analysed by {@link MethodInterpreter} from a worklist;
 * a method runs again when its parameters grow, when a callee's result grows, or when a heap cell
 * it read grows. Calls into app code bind arguments to the callee (context-insensitively); calls
 * into library code go to {@link LibraryCalls} (sources, sinks, models) and
 * {@link AndroidSemantics} (intents between components, threads, reflection). Entry points come
 * from {@link EntryPoints}. Single-threaded and deterministic: the worklist is insertion-ordered.
 */
public final class TaintEngine {

    /** What a call gives back: its value, what it may throw, and updates to its argument registers. */
    record CallResult(Value value, Value thrown, Value[] updatedArgs) {
        static final CallResult NOTHING = new CallResult(Value.EMPTY, Value.EMPTY, null);
    }

    /** Limits that keep a hostile or huge app from running forever; reaching one is reported. */
    public record Limits(long maxMethodRuns, int maxObjects, java.time.Duration maxTime) {
        public static final Limits DEFAULT = new Limits(2_000_000, 2_000_000, java.time.Duration.ZERO);

        /** These limits with a wall-clock budget ({@code ZERO}: none). */
        public Limits withTime(java.time.Duration time) {
            return new Limits(maxMethodRuns, maxObjects, time);
        }
    }

    final Program program;
    final ClassHierarchy hierarchy;
    final Catalogs catalogs;
    final ApiResolver resolver;
    final ObjectTable objects = new ObjectTable();
    final Fields fields = new Fields();
    final Heap heap;
    final LibraryCalls library;
    final AndroidSemantics android;
    private final HttpLibraries http;
    final EntryPoints entries;
    private final Limits limits;

    private final Map<MethodDef, ClassDef> ownerOf = new IdentityHashMap<>();
    private final Map<MethodDef, MethodState> states = new IdentityHashMap<>();
    private final Map<MethodDef, MethodCfg> cfgs = new IdentityHashMap<>();
    private final LinkedHashSet<MethodDef> worklist = new LinkedHashSet<>();
    private final Map<String, Integer> labelIds = new HashMap<>();
    final List<SourceSite> sources = new ArrayList<>();
    final LinkedHashSet<SinkHit> hits = new LinkedHashSet<>();
    /** Call edges, for evidence paths. */
    final Map<MethodDef, Set<MethodDef>> callees = new IdentityHashMap<>();
    /** Methods that wrote a tainted value into a field, and methods that read the field, by field id. */
    final Map<Integer, Set<MethodDef>> taintedFieldWriters = new HashMap<>();
    final Map<Integer, Set<MethodDef>> fieldReaders = new HashMap<>();
    final Map<String, Set<String>> unanalysed = new LinkedHashMap<>();
    private final Map<String, MethodDef> dispatchCache = new HashMap<>();
    private static final MethodDef LIBRARY = new MethodDef(new MethodRef("L;", "library", "()V"), 0, List.of(),
            List.of(), null, null);
    private long runs;
    private final Set<String> initialised = new java.util.HashSet<>();
    /** Classes of third-party libraries bundled in the app (not the app's own code). */
    private java.util.function.Predicate<String> bundledLibraryClass = type -> false;
    private boolean stopped;
    private MethodDef current;

    public TaintEngine(Program program, ClassHierarchy hierarchy, Catalogs catalogs, ApiResolver resolver,
                       EntryPoints.Android androidFacts, Limits limits) {
        this.program = program;
        this.hierarchy = hierarchy;
        this.catalogs = catalogs;
        this.resolver = resolver;
        this.limits = limits;
        this.heap = new Heap(this::enqueue);
        for (ClassDef c : program.classes()) {
            for (MethodDef m : c.methods()) {
                ownerOf.put(m, c);
            }
        }
        this.library = new LibraryCalls(this);
        this.android = new AndroidSemantics(this, androidFacts);
        this.http = new HttpLibraries(this, android);
        this.entries = new EntryPoints(this, androidFacts);
    }

    /**
     * Says which classes belong to libraries bundled in the app. A call into such a class that the
     * catalogues describe (OkHttp, Gson, org.json...) is then taken from the catalogue, as if the
     * library were not bundled, instead of interpreting the library's own code: the catalogue says
     * what the call does with the data, while the code (connection pools, reflection-driven
     * serialisers) costs most of the fixpoint's time on big apps and joins unrelated objects.
     */
    public void useCataloguesForBundledLibraries(java.util.function.Predicate<String> isLibraryClass) {
        this.bundledLibraryClass = isLibraryClass;
    }

    /** True for classes whose static initialiser runs only once the analysis reaches the class. */
    boolean initialisedLazily(String type) {
        return bundledLibraryClass.test(type);
    }

    /**
     * Runs a bundled library class's static initialiser the first time analysed code reaches the
     * class (one of its methods runs, or one of its static fields is read). The app's own
     * initialisers are entry points ({@link EntryPoints}); seeding every library's too made the
     * whole of a big app's libraries reachable whatever the app calls.
     */
    private void initialise(String type) {
        if (!initialisedLazily(type) || !initialised.add(type)) {
            return;
        }
        ClassDef c = program.classDef(type);
        MethodDef clinit = c == null ? null : c.method("<clinit>", "()V");
        if (clinit != null && clinit.body() != null) {
            callFromFramework(clinit, new Value[0]);
        }
    }

    /** Runs to the fixpoint; returns false when a limit stopped it early. */
    public boolean run() {
        long started = System.nanoTime();
        long budget = limits.maxTime().isZero() ? Long.MAX_VALUE : limits.maxTime().toNanos();
        entries.seed();
        while (!worklist.isEmpty()) {
            org.leakscan.diagnostics.Cancellation.check();
            if (runs >= limits.maxMethodRuns() || objects.size() >= limits.maxObjects()) {
                stopped = true;
                unanalysed("analysis-limit", "stopped after " + runs + " method runs and " + objects.size()
                        + " objects; flows found so far are reported");
                return false;
            }
            if (System.nanoTime() - started > budget) {
                stopped = true;
                unanalysed("analysis-limit", "stopped at the time limit of " + limits.maxTime().toSeconds()
                        + " s after " + runs + " method runs (--flow-time-limit); flows found so far are reported");
                return false;
            }
            MethodDef m = worklist.iterator().next();
            worklist.remove(m);
            analyse(m);
        }
        android.finish();
        return true;
    }

    private void analyse(MethodDef m) {
        initialise(ownerOf(m).type());
        MethodState st = state(m);
        st.runs++;
        runs++;
        MethodDef previous = current;
        current = m;
        try {
            new MethodInterpreter(this, st, cfgs.computeIfAbsent(m, x -> new MethodCfg(x.body()))).run();
        } finally {
            current = previous;
        }
    }

    /** One flow: the source, the sink hit, and the methods between them. */
    public record Evidence(SourceSite source, SinkHit sink, List<String> path) {
    }

    /** Every (source, sink site) pair found, with its evidence path; in a stable order. */
    public List<Evidence> evidence() {
        EvidencePaths paths = new EvidencePaths(this);
        List<Evidence> out = new ArrayList<>();
        for (SinkHit h : hits) {
            SourceSite s = sources.get(h.label());
            List<String> path = new ArrayList<>();
            for (MethodDef m : paths.path(h.label(), s.method(), h.method())) {
                path.add(javaName(ownerOf(m).type()) + "." + m.signature());
            }
            out.add(new Evidence(s, h, path));
        }
        return out;
    }

    /** What the analysis could not see into, by kind. */
    public Map<String, Set<String>> unanalysed() {
        return unanalysed;
    }

    public boolean stoppedEarly() {
        return stopped;
    }

    public long methodRuns() {
        return runs;
    }

    public int analysedMethods() {
        return states.size();
    }

    void enqueue(MethodDef m) {
        if (m != null && m.body() != null) {
            worklist.add(m);
        }
    }

    private static boolean containsAll(BitSet big, BitSet small) {
        BitSet x = (BitSet) small.clone();
        x.andNot(big);
        return x.isEmpty();
    }

    /** Callees at most this long are interpreted again at each call site. */
    private static final int INLINE_MAX_INSNS = 40;
    private static final int INLINE_MAX_DEPTH = 2;
    private final java.util.ArrayDeque<MethodDef> inlining = new java.util.ArrayDeque<>();

    private boolean inlinable(MethodDef t) {
        return t.body() != null && t.body().insns().size() <= INLINE_MAX_INSNS && inlining.size() < INLINE_MAX_DEPTH
                && !inlining.contains(t);
    }

    /**
     * Interprets {@code t} with exactly {@code args}, as if inlined into the caller: its heap reads
     * and callee results re-queue the caller, and its result is this call's alone.
     */
    private CallResult inline(MethodState caller, MethodDef t, Value[] args) {
        MethodState local = new MethodState(ownerOf(t), t, caller.reader);
        local.bind(args);
        local.contextImplicit.or(state(t).contextImplicit);
        inlining.push(t);
        try {
            new MethodInterpreter(this, local, cfgs.computeIfAbsent(t, x -> new MethodCfg(x.body()))).run();
        } finally {
            inlining.pop();
        }
        state(t).seen.or(local.seen);
        return new CallResult(local.returned, local.thrown, null);
    }

    MethodState stateIfAny(MethodDef m) {
        return states.get(m);
    }

    MethodState state(MethodDef m) {
        return states.computeIfAbsent(m, x -> new MethodState(ownerOf.get(x), x));
    }

    ClassDef ownerOf(MethodDef m) {
        return ownerOf.get(m);
    }

    /** Records something the analysis could not see into (reflection, native code, loaded code). */
    void unanalysed(String what, String where) {
        unanalysed.computeIfAbsent(what, k -> new java.util.TreeSet<>()).add(where);
    }

    // ---- entry and call binding -------------------------------------------------------------

    /** Binds arguments to an app method called by the framework (an entry point). */
    void callFromFramework(MethodDef target, Value[] args) {
        MethodState st = state(target);
        if (st.bind(args) || st.runs == 0) {
            enqueue(target);
        }
    }

    /** A call from app code into app code: binds the arguments and reads the callee's result. */
    CallResult callApp(MethodState caller, MethodDef target, Value[] args) {
        MethodState st = state(target);
        st.callers.add(caller.reader);
        callees.computeIfAbsent(caller.method, k -> new LinkedHashSet<>()).add(target);
        if (st.bind(args) || st.runs == 0) {
            enqueue(target);
        }
        return new CallResult(st.returned, st.thrown, null);
    }

    void returnValue(MethodState st, Value v) {
        Value j = st.returned.join(v);
        if (j != st.returned) {
            st.returned = j;
            st.callers.forEach(this::enqueue);
        }
    }

    void throwValue(MethodState st, Value v) {
        Value j = st.thrown.join(v);
        if (j != st.thrown) {
            st.thrown = j;
            st.callers.forEach(this::enqueue);
        }
    }

    // ---- framework stand-ins ------------------------------------------------------------------

    /**
     * Types whose instances the framework hands back to the app (its own activities, services,
     * application and fragments): a framework object of one of these types stands for every app
     * instance of it, e.g. the {@code Activity} passed to {@code Fragment.onAttach}, or what
     * {@code getActivity()} and {@code findFragmentById} return.
     */
    static final List<String> STAND_IN_TYPES = List.of("Landroid/content/Context;", "Landroid/app/Activity;",
            "Landroid/app/Application;", "Landroid/app/Service;", "Landroid/app/Fragment;",
            "Landroid/support/v4/app/Fragment;", "Landroidx/fragment/app/Fragment;", "Landroid/content/ContextWrapper;",
            "Landroid/content/SharedPreferences;");

    /** Records an app instance so stand-ins of its framework supertypes resolve to it. */
    void registerInstance(AbstractObject o) {
        for (String t : STAND_IN_TYPES) {
            if ((o.kind() != AbstractObject.Kind.FRAMEWORK || !o.type().equals(t)) && hierarchy.isSubtype(o.type(), t)) {
                heap.writeStatic("@instances:" + t, Value.ofObject(o.id()));
            }
        }
    }

    /** Replaces framework stand-ins by the app instances they stand for (registering a dependency). */
    Value expand(MethodState st, Value v) {
        BitSet objs = v.objects();
        Value out = v;
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            AbstractObject a = objects.get(o);
            if ((a.kind() == AbstractObject.Kind.FRAMEWORK || a.kind() == AbstractObject.Kind.RESULT)
                    && STAND_IN_TYPES.contains(a.type()) && !a.where().startsWith("prefs:")) {
                out = out.join(heap.readStatic("@instances:" + a.type(), st == null ? null : st.reader));
            }
        }
        return out;
    }

    // ---- heap -------------------------------------------------------------------------------

    Value allocate(MethodState st, int index, String type) {
        String key = st.method.ref() + "@" + index;
        boolean isNew = !objects.exists(AbstractObject.Kind.ALLOC, key);
        AbstractObject o = objects.get(AbstractObject.Kind.ALLOC, key, type);
        if (isNew) {
            entries.instantiated(o);
        }
        return Value.ofObject(o.id());
    }

    Value readField(MethodState st, int index, Value base, FieldRef field) {
        int fid = fields.id(field);
        fieldReaders.computeIfAbsent(fid, k -> new LinkedHashSet<>()).add(st.method);
        Value out = Value.EMPTY;
        BitSet objs = base.objects();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            out = out.join(heap.read(o, fid, st.reader));
        }
        if (!hierarchy.isAppClass(field.owner())) {
            // A library object's field is part of the object's data (Account.name, ScanResult.BSSID).
            out = out.join(base.taintOnly());
            out = out.join(library.fieldSource(st, index, field, base));
        } else if (base.isTainted() && madeByLibrary(objs)) {
            // An app object that library code made (Parcel.readValue, a deserialiser): its fields
            // hold what the library read, which the value's taint stands for.
            out = out.join(base.taintOnly());
        }
        return out;
    }

    private boolean madeByLibrary(BitSet objs) {
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            AbstractObject.Kind k = objects.get(o).kind();
            if (k == AbstractObject.Kind.RESULT || k == AbstractObject.Kind.FRAMEWORK) {
                return true;
            }
        }
        return objs.isEmpty();
    }

    void writeField(Value base, FieldRef field, Value v) {
        int fid = fields.id(field);
        write(base, fid, v);
    }

    /** Joins {@code v} into field {@code fid} of every object {@code base} may be. */
    void write(Value base, int fid, Value v) {
        if (v.isEmpty()) {
            return;
        }
        if (v.isTainted() && current != null) {
            taintedFieldWriters.computeIfAbsent(fid, k -> new LinkedHashSet<>()).add(current);
        }
        BitSet objs = base.objects();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            heap.write(o, fid, v);
        }
        if (fid == fields.id(Fields.CONTENT)) {
            // What goes into a wrapper (a writer over a stream, a Formatter over a builder) goes into what it wraps.
            Value wrapped = Value.EMPTY;
            for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
                wrapped = wrapped.join(heap.read(o, fields.id(Fields.WRAPS), current));
            }
            BitSet inner = (BitSet) wrapped.objects().clone();
            inner.andNot(objs);
            if (!inner.isEmpty()) {
                write(Value.ofObjects(inner), fid, v);
            }
        }
    }

    /** The join of field {@code fid} over every object {@code base} may be. */
    Value read(MethodState st, Value base, int fid) {
        if (st != null) {
            fieldReaders.computeIfAbsent(fid, k -> new LinkedHashSet<>()).add(st.method);
        }
        Value out = Value.EMPTY;
        BitSet objs = base.objects();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            out = out.join(heap.read(o, fid, st == null ? null : st.reader));
        }
        return out;
    }

    Value readStatic(MethodState st, int index, FieldRef field) {
        initialise(field.owner());
        String key = staticKey(field);
        Value v = heap.readStatic(key, st.reader);
        Object constant = staticConstant(field);
        if (constant instanceof String text) {
            // A constant the bytecode gives as the field's initial value (BuildConfig.API_URL in
            // a DEX's static values) is never written by code.
            v = v.join(Value.ofConstant(text));
        } else if (constant instanceof Integer || constant instanceof Long) {
            v = v.join(Value.ofInt(((Number) constant).longValue()));
        }
        fieldReaders.computeIfAbsent(fields.id("static:" + key), k -> new LinkedHashSet<>()).add(st.method);
        return v.join(library.staticFieldValue(st, index, field));
    }

    void writeStatic(FieldRef field, Value v) {
        String key = staticKey(field);
        if (v.isTainted() && current != null) {
            taintedFieldWriters.computeIfAbsent(fields.id("static:" + key), k -> new LinkedHashSet<>()).add(current);
        }
        heap.writeStatic(key, v);
    }

    /** The initial value the declaring app class gives a static field in its bytecode, or null. */
    private Object staticConstant(FieldRef field) {
        String t = field.owner();
        while (t != null) {
            ClassDef c = hierarchy.appClass(t);
            if (c == null) {
                return null;
            }
            for (var f : c.fields()) {
                if (f.ref().name().equals(field.name())) {
                    return f.isStatic() ? f.constantValue() : null;
                }
            }
            t = c.superType();
        }
        return null;
    }

    /** Statics are keyed by the class that declares them, whichever subclass an access names. */
    private String staticKey(FieldRef field) {
        String t = field.owner();
        while (t != null) {
            ClassDef c = hierarchy.appClass(t);
            if (c == null) {
                break;
            }
            for (var f : c.fields()) {
                if (f.ref().name().equals(field.name())) {
                    return t + "->" + field.name();
                }
            }
            t = c.superType();
        }
        return field.owner() + "->" + field.name();
    }

    Value readElement(MethodState st, Value array, Value index) {
        Value out = array.taintOnly();
        Long k = index.intConstant();
        BitSet objs = array.objects();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            AbstractObject a = objects.get(o);
            if ((a.kind() == AbstractObject.Kind.RESULT || a.kind() == AbstractObject.Kind.FRAMEWORK)
                    && !a.where().startsWith("element:element:element:")) {
                // An array library code made (Array.newInstance, a framework array): its elements are
                // unknown objects; give them one identity so writes through one read reach the next.
                AbstractObject element = objects.get(AbstractObject.Kind.RESULT, "element:" + a.where(),
                        a.type().startsWith("[") ? a.type().substring(1) : null);
                heap.write(o, fields.id(Fields.ELEMENTS), Value.ofObject(element.id()));
            }
            out = out.join(heap.read(o, fields.id(Fields.ELEMENTS), st.reader));
            if (k != null) {
                out = out.join(heap.read(o, fields.element(k), st.reader));
            } else {
                BitSet fs = heap.fieldsOf(o, st.reader);
                for (int f = fs.nextSetBit(0); f >= 0; f = fs.nextSetBit(f + 1)) {
                    if (fields.isElement(f)) {
                        out = out.join(heap.read(o, f, st.reader));
                    }
                }
            }
        }
        return out;
    }

    void writeElement(Value array, Value index, Value v) {
        Long k = index.intConstant();
        write(array, k != null ? fields.element(k) : fields.id(Fields.ELEMENTS), v);
    }

    /**
     * Everything an argument carries to a sink or into an unmodelled library call: its own taint
     * and the taint of every field reachable from its objects (three levels deep).
     */
    BitSet fullTaint(Value v) {
        BitSet out = (BitSet) v.taints().clone();
        collectTaint(v.objects(), out, 3, true);
        return out;
    }

    /**
     * What a library container holds: the value's taint and the pseudo-fields (content, keys,
     * elements) of its objects, not an app object's own fields.
     */
    BitSet contentTaint(Value v) {
        BitSet out = (BitSet) v.taints().clone();
        collectTaint(v.objects(), out, 3, false);
        return out;
    }

    private void collectTaint(BitSet objs, BitSet out, int depth, boolean allFields) {
        if (depth == 0 || objs.isEmpty()) {
            return;
        }
        BitSet next = new BitSet();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            BitSet fs = heap.fieldsOf(o, current);
            for (int f = fs.nextSetBit(0); f >= 0; f = fs.nextSetBit(f + 1)) {
                if (!allFields && !fields.isPseudo(f)) {
                    continue;
                }
                Value fv = heap.read(o, f, current);
                out.or(fv.taints());
                next.or(fv.objects());
            }
        }
        next.andNot(objs);
        collectTaint(next, out, depth - 1, allFields);
    }

    /** The values held in an object's pseudo-fields (for "receiver to return" on containers). */
    Value content(MethodState st, Value v) {
        Value out = v.withoutConstants().taintOnly();
        BitSet objs = v.objects();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            BitSet fs = heap.fieldsOf(o, st.reader);
            for (int f = fs.nextSetBit(0); f >= 0; f = fs.nextSetBit(f + 1)) {
                if (fields.isPseudo(f) && f != fields.id(Fields.OPENED_BY) && f != fields.id(Fields.WRAPS)
                        && f != fields.id(Fields.TARGET)) {
                    out = out.join(heap.read(o, f, st.reader));
                }
            }
        }
        return out;
    }

    // ---- labels and hits --------------------------------------------------------------------

    /** The label of one source site, made on first use. */
    int label(String dataType, String api, ClassDef owner, MethodDef method, int index) {
        String key = method.ref() + "@" + index + "|" + api + "|" + dataType;
        Integer id = labelIds.get(key);
        if (id == null) {
            id = sources.size();
            labelIds.put(key, id);
            sources.add(new SourceSite(id, dataType, api, owner, method, index));
        }
        return id;
    }

    int label(Source s, MethodState st, int index) {
        return label(s.dataType(), s.api(), st.owner, st.method, index);
    }

    void hit(BitSet labels, String api, String kind, String channel, MethodState st, int index, List<String> destination) {
        for (int l = labels.nextSetBit(0); l >= 0; l = labels.nextSetBit(l + 1)) {
            hits.add(new SinkHit(l, api, kind, channel, st.owner, st.method, index, destination));
        }
    }

    // ---- calls --------------------------------------------------------------------------------

    CallResult invoke(MethodState caller, int index, Insn.Invoke call, Value[] args, BitSet implicit) {
        MethodRef ref = call.method();
        List<MethodDef> targets = new ArrayList<>(2);
        boolean toLibrary = dispatch(call, args, targets);
        Value value = Value.EMPTY;
        Value thrown = Value.EMPTY;
        Value[] updated = null;
        BitSet context = (BitSet) implicit.clone();
        if (!targets.isEmpty() && args.length > 0 && !call.isStatic()) {
            // Which object a virtual call runs on was chosen under a secret-dependent branch.
            context.or(args[0].implicitTaints());
        }
        for (MethodDef t : targets) {
            if (t.isNative()) {
                CallResult r = library.nativeCall(caller, index, call, t, args);
                value = value.join(r.value());
                continue;
            }
            MethodState callee = state(t);
            if (!context.isEmpty() && !containsAll(callee.contextImplicit, context)) {
                callee.contextImplicit.or(context);
                enqueue(t);
            }
            CallResult r = callApp(caller, t, args);
            if (inlinable(t)) {
                // Small callees (getters, wrappers, dispatchers) are also run with this call's own
                // arguments, so their result is this call's and not the join over all callers.
                r = inline(caller, t, args);
            }
            value = value.join(r.value());
            thrown = thrown.join(r.thrown());
        }
        if (toLibrary) {
            CallResult r = android.handle(caller, index, call, args);
            if (r == null) {
                r = http.handle(caller, index, call, args);
            }
            if (r == null) {
                r = library.call(caller, index, call, args, implicit);
            }
            value = value.join(r.value());
            thrown = thrown.join(r.thrown());
            updated = r.updatedArgs();
        }
        if (ref.returnType().equals("V")) {
            value = Value.EMPTY;
        }
        return new CallResult(value, thrown, updated);
    }

    /**
     * Finds the app methods a call may run and says whether library code may run too. Virtual
     * calls dispatch on the types of the receiver's objects; with no known object, on the declared
     * owner's own chain.
     */
    private boolean dispatch(Insn.Invoke call, Value[] args, List<MethodDef> targets) {
        MethodRef ref = call.method();
        switch (call.invokeKind()) {
            case STATIC, DIRECT, SUPER -> {
                MethodDef m = appCode(ref, lookup(ref.owner(), ref.signature(), call.invokeKind() == Insn.InvokeKind.DIRECT));
                if (m != null) {
                    targets.add(m);
                    return false;
                }
                return true;
            }
            case DYNAMIC -> {
                return true;
            }
            default -> {
                boolean library = false;
                BitSet objs = args.length > 0 ? args[0].objects() : new BitSet();
                if (objs.isEmpty()) {
                    MethodDef m = appCode(ref, lookup(ref.owner(), ref.signature(), false));
                    if (m != null) {
                        targets.add(m);
                        return false;
                    }
                    return true;
                }
                for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
                    String type = objects.get(o).type();
                    MethodDef m = type.startsWith("[") ? null : appCode(ref, lookup(type, ref.signature(), false));
                    if (m != null) {
                        if (!targets.contains(m)) {
                            targets.add(m);
                        }
                    } else {
                        library = true;
                    }
                }
                return library;
            }
        }
    }

    /** {@code m}, or null when it is bundled library code whose call the catalogues describe. */
    private MethodDef appCode(MethodRef called, MethodDef m) {
        if (m == null || !bundledLibraryClass.test(ownerOf(m).type())) {
            return m;
        }
        return library.describes(called) ? null : m;
    }

    /**
     * The app method {@code signature} resolves to from {@code type}: the nearest app class up the
     * superclass chain that implements it, else an app interface's default method; null when the
     * method is library code (or unknown).
     */
    MethodDef lookup(String type, String signature, boolean exact) {
        String key = type + "->" + signature + (exact ? "!" : "");
        MethodDef cached = dispatchCache.get(key);
        if (cached != null) {
            return cached == LIBRARY ? null : cached;
        }
        MethodDef found = null;
        String t = type;
        while (t != null && found == null) {
            ClassDef c = hierarchy.appClass(t);
            if (c == null) {
                break;
            }
            for (MethodDef m : c.methods()) {
                if (m.signature().equals(signature) && !m.isAbstract()) {
                    found = m;
                    break;
                }
            }
            t = c.superType();
        }
        if (found == null && !exact) {
            for (String a : hierarchy.ancestors(type)) {
                ClassDef c = hierarchy.appClass(a);
                if (c != null && c.isInterface()) {
                    MethodDef m = c.method(nameOf(signature), descriptorOf(signature));
                    if (m != null && !m.isAbstract() && m.body() != null) {
                        found = m;
                        break;
                    }
                }
            }
        }
        dispatchCache.put(key, found == null ? LIBRARY : found);
        return found;
    }

    private static String nameOf(String signature) {
        return signature.substring(0, signature.indexOf('('));
    }

    private static String descriptorOf(String signature) {
        return signature.substring(signature.indexOf('('));
    }

    /** True when {@code type} is a class of the app. */
    boolean isAppClass(String type) {
        return hierarchy.isAppClass(type);
    }

    static String javaName(String type) {
        return Types.toJavaName(type);
    }
}
