package org.leakscan.analysis.dataflow;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.leakscan.catalog.Source;
import org.leakscan.catalog.Taint;
import org.leakscan.program.ClassDef;
import org.leakscan.program.Insn;
import org.leakscan.program.MethodDef;
import org.leakscan.program.MethodRef;

/**
 * Library calls whose effect is control flow rather than data movement, which no catalogue entry
 * can express:
 * <ul>
 *   <li>intents between the app's own components: {@code startActivity}, {@code startService},
 *       {@code sendBroadcast}... deliver the intent's extras to the target component's incoming
 *       intent ({@code getIntent()}, {@code onReceive}'s parameter), resolved from explicit classes
 *       in the manifest or from actions matched against intent filters and dynamically registered
 *       receivers; only an intent that may leave the app is a sink;</li>
 *   <li>{@code setResult} to {@code onActivityResult};</li>
 *   <li>threads and tasks: {@code Thread.start}, executors, handlers, timers, {@code AsyncTask};</li>
 *   <li>reflection with constant names: {@code Class.forName}, {@code getMethod}, {@code invoke},
 *       {@code newInstance};</li>
 *   <li>shared preferences as one keyed store per file name.</li>
 * </ul>
 * Everything it cannot resolve (a reflective call on an unknown name, a class loader) is counted
 * as unanalysed.
 */
final class AndroidSemantics {

    private static final String INTENT = "Landroid/content/Intent;";
    private static final String CONTEXT = "Landroid/content/Context;";
    private static final String CLASS_TARGET = "class:";
    private static final String ACTION_TARGET = "action:";
    private static final Set<String> START_ACTIVITY = Set.of("startActivity", "startActivityForResult",
            "startActivityIfNeeded", "startActivities", "startActivityFromFragment", "startActivityFromChild");
    private static final Set<String> START_SERVICE = Set.of("startService", "startForegroundService", "bindService");
    private static final Set<String> BROADCAST = Set.of("sendBroadcast", "sendOrderedBroadcast", "sendStickyBroadcast",
            "sendBroadcastAsUser", "sendStickyOrderedBroadcast");

    private final TaintEngine engine;
    private final EntryPoints.Android facts;
    /** Receivers registered in code: the registering values' objects and filter actions, by receiver type. */
    private final List<String[]> dynamicReceivers = new ArrayList<>();

    AndroidSemantics(TaintEngine engine, EntryPoints.Android facts) {
        this.engine = engine;
        this.facts = facts;
    }

    AbstractObject incomingIntent(String componentType) {
        return engine.objects.get(AbstractObject.Kind.INTENT, "in:" + componentType, INTENT);
    }

    /** Every file the app writes and reads, as one store: writes reach later reads. */
    Value files() {
        return Value.ofObject(engine.objects.get(AbstractObject.Kind.FRAMEWORK, "files", "Ljava/io/File;").id());
    }

    private static final Set<String> FILE_READERS = Set.of("Ljava/io/FileInputStream;", "Ljava/io/FileReader;",
            "Ljava/io/RandomAccessFile;");

    AbstractObject resultIntent() {
        return engine.objects.get(AbstractObject.Kind.INTENT, "result", INTENT);
    }

    /** Handles the call and returns its result, or returns null to let the catalogues decide. */
    TaintEngine.CallResult handle(MethodState st, int index, Insn.Invoke call, Value[] args) {
        MethodRef ref = call.method();
        String name = ref.name();
        String owner = ref.owner();
        boolean isStatic = call.isStatic();
        if (owner.equals(INTENT) || owner.equals("Landroid/content/ComponentName;")
                || owner.equals("Landroid/content/IntentFilter;")) {
            if (!isStatic) {
                recordTarget(st, ref, args);
            }
            return null;
        }
        if (!isStatic && args.length > 0) {
            if (START_ACTIVITY.contains(name) || START_SERVICE.contains(name) || BROADCAST.contains(name)) {
                int i = intentArgument(ref);
                if (i > 0 && isContextLike(owner)) {
                    String kind = START_ACTIVITY.contains(name) ? "activity" : START_SERVICE.contains(name) ? "service"
                            : "receiver";
                    if (send(st, args[i], kind)) {
                        return TaintEngine.CallResult.NOTHING;
                    }
                    if (kind.equals("receiver") && hasAction(st, args[i])) {
                        // A receiver registered later in code may still handle it: decide at the end.
                        pending.add(new PendingBroadcast(st, index, ref, args[i]));
                        return TaintEngine.CallResult.NOTHING;
                    }
                    return null;
                }
            }
            if (name.equals("setResult") && ref.descriptor().equals("(ILandroid/content/Intent;)V")) {
                copyFields(st, args[2], resultIntent());
                return TaintEngine.CallResult.NOTHING;
            }
            if (name.equals("getIntent") && ref.descriptor().equals("()Landroid/content/Intent;")) {
                Value out = Value.EMPTY;
                BitSet objs = args[0].objects();
                for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
                    out = out.join(Value.ofObject(incomingIntent(engine.objects.get(o).type()).id()));
                }
                return new TaintEngine.CallResult(out, Value.EMPTY, null);
            }
            if (name.equals("registerReceiver") && args.length >= 3 && ref.parameterTypes().get(0)
                    .equals("Landroid/content/BroadcastReceiver;")) {
                register(st, args[1], args[2]);
                return null;
            }
        }
        if (!isStatic && name.equals("<init>") && FILE_READERS.contains(owner)) {
            engine.write(args[0], engine.fields.id(Fields.CONTENT), engine.read(st, files(), engine.fields.id(Fields.CONTENT)));
            return null;
        }
        if (!isStatic && name.equals("openFileInput") && ref.descriptor().equals("(Ljava/lang/String;)Ljava/io/FileInputStream;")) {
            Value stream = engine.library.resultObject(st, index, ref);
            engine.write(stream, engine.fields.id(Fields.CONTENT), engine.read(st, files(), engine.fields.id(Fields.CONTENT)));
            return new TaintEngine.CallResult(stream, Value.EMPTY, null);
        }
        TaintEngine.CallResult threads = threads(st, call, args);
        if (threads != null) {
            return threads;
        }
        TaintEngine.CallResult reflection = reflection(st, index, call, args);
        if (reflection != null) {
            return reflection;
        }
        if (name.equals("<init>") && (owner.endsWith("ClassLoader;") && owner.startsWith("Ldalvik/system/"))) {
            engine.unanalysed("dynamic-code", TaintEngine.javaName(st.owner.type()) + "." + st.method.signature());
            return null;
        }
        if ((name.equals("getSharedPreferences") && ref.descriptor().startsWith("(Ljava/lang/String;"))
                || name.equals("getDefaultSharedPreferences") || (name.equals("getPreferences")
                && ref.descriptor().equals("(I)Landroid/content/SharedPreferences;"))) {
            String file = name.equals("getSharedPreferences") && args.length > 1 && args[1].singleConstant() != null
                    ? args[1].singleConstant() : "default";
            AbstractObject prefs = engine.objects.get(AbstractObject.Kind.RESULT, "prefs:" + file,
                    "Landroid/content/SharedPreferences;");
            engine.registerInstance(prefs);
            return new TaintEngine.CallResult(Value.ofObject(prefs.id()), Value.EMPTY, null);
        }
        if ((name.equals("getString") || name.equals("getText")) && ref.descriptor().startsWith("(I)")
                && !isStatic && args.length == 2 && args[1].intConstant() != null) {
            // Context/Resources.getString(R.string.x): the text is in resources.arsc.
            String text = facts.resourceString().apply(args[1].intConstant().intValue());
            if (text != null) {
                return new TaintEngine.CallResult(Value.ofConstant(text), Value.EMPTY, null);
            }
            return null;
        }
        if (owner.equals("Landroid/content/SharedPreferences;") && name.equals("edit")) {
            return new TaintEngine.CallResult(args[0], Value.EMPTY, null); // edits write the same store
        }
        return null;
    }

    /** A broadcast whose action no receiver handled when it was sent. */
    private record PendingBroadcast(MethodState st, int index, MethodRef ref, Value intent) {
    }

    private final List<PendingBroadcast> pending = new ArrayList<>();

    private boolean hasAction(MethodState st, Value intent) {
        for (String t : engine.read(st, intent, engine.fields.id(Fields.TARGET)).strings()) {
            if (t.startsWith(ACTION_TARGET)) {
                return true;
            }
        }
        return false;
    }

    /**
     * After the fixpoint: a broadcast that no receiver of the app (manifest or registered in code)
     * handles is meant for other apps, so it is a sink.
     */
    void finish() {
        for (PendingBroadcast p : pending) {
            boolean handled = false;
            for (String t : engine.read(null, p.intent(), engine.fields.id(Fields.TARGET)).strings()) {
                if (!t.startsWith(ACTION_TARGET)) {
                    continue;
                }
                String action = t.substring(ACTION_TARGET.length());
                handled |= dynamicReceivers.stream().anyMatch(r -> r[1] == null || r[1].equals(action));
                handled |= facts.components().stream().anyMatch(c -> c.kind().equals("receiver") && c.actions().contains(action));
            }
            if (handled) {
                continue;
            }
            var sink = engine.resolver.resolve(p.ref(), engine.catalogs.sinks()::sinkFor);
            BitSet taint = engine.contentTaint(p.intent());
            if (sink != null && !taint.isEmpty()) {
                engine.hit(taint, sink.api().toString(), sink.kind().id(), sink.channel(), p.st(), p.index(), List.of());
            }
        }
    }

    private static boolean isContextLike(String owner) {
        return !owner.startsWith("Ljava/");
    }

    private static int intentArgument(MethodRef ref) {
        List<String> params = ref.parameterTypes();
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).equals(INTENT) || params.get(i).equals("[Landroid/content/Intent;")) {
                return i + 1;
            }
        }
        return -1;
    }

    // ---- intents --------------------------------------------------------------------------

    /** Records explicit classes and actions on intents, component names and intent filters. */
    private void recordTarget(MethodState st, MethodRef ref, Value[] args) {
        String name = ref.name();
        List<String> params = ref.parameterTypes();
        int target = engine.fields.id(Fields.TARGET);
        Value receiver = args.length > 0 ? args[0] : Value.EMPTY;
        Set<String> targets = new TreeSet<>();
        for (int i = 0; i < params.size(); i++) {
            Value a = args[i + 1];
            String p = params.get(i);
            if (p.equals("Ljava/lang/Class;")) {
                a.classes().forEach(c -> targets.add(CLASS_TARGET + c));
            } else if (p.equals("Landroid/content/ComponentName;")) {
                targets.addAll(engine.read(st, a, target).strings());
            } else if (p.equals("Ljava/lang/String;")) {
                boolean isAction = (name.equals("<init>") && i == 0 && !ref.owner().equals("Landroid/content/ComponentName;"))
                        || name.equals("setAction") || name.equals("addAction");
                boolean isClassName = name.equals("setClassName") && i == params.size() - 1
                        || ref.owner().equals("Landroid/content/ComponentName;") && name.equals("<init>")
                        && i == params.size() - 1;
                for (String s : a.strings()) {
                    if (!StringValues.isComplete(s)) {
                        continue;
                    }
                    if (isAction) {
                        targets.add(ACTION_TARGET + s);
                    } else if (isClassName) {
                        targets.add(CLASS_TARGET + "L" + s.replace('.', '/') + ";");
                    }
                }
            }
        }
        if (!targets.isEmpty()) {
            engine.write(receiver, target, Value.ofConstants(targets, false));
        }
    }

    /**
     * Delivers an intent to the app's components it can reach; returns true when it cannot leave
     * the app (so the call is not a sink).
     */
    private boolean send(MethodState st, Value intent, String kind) {
        Set<String> targets = engine.read(st, intent, engine.fields.id(Fields.TARGET)).strings();
        Value elements = engine.read(st, intent, engine.fields.id(Fields.ELEMENTS));
        if (!elements.objects().isEmpty()) {
            // startActivities(Intent[]): the array's elements are the intents.
            intent = intent.join(elements);
            targets = new TreeSet<>(targets);
            targets.addAll(engine.read(st, elements, engine.fields.id(Fields.TARGET)).strings());
        }
        if (targets.isEmpty()) {
            return false;
        }
        boolean internalOnly = true;
        for (String t : targets) {
            List<String> receivers = new ArrayList<>();
            if (t.startsWith(CLASS_TARGET)) {
                String type = t.substring(CLASS_TARGET.length());
                if (isComponent(type, kind) || (kind.equals("receiver") && isDynamicReceiver(type, null))) {
                    receivers.add(type);
                } else if (!engine.isAppClass(type)) {
                    internalOnly = false; // another app's component
                }
                // An app class missing from the manifest: Android refuses to start it.
            } else if (t.startsWith(ACTION_TARGET)) {
                String action = t.substring(ACTION_TARGET.length());
                for (EntryPoints.ComponentFacts c : facts.components()) {
                    if (c.kind().equals(kind) && c.actions().contains(action)) {
                        receivers.add(c.type());
                    }
                }
                if (kind.equals("receiver")) {
                    for (String[] r : dynamicReceivers) {
                        if (r[1] == null || r[1].equals(action)) {
                            receivers.add(r[0]);
                        }
                    }
                    // Keep the broadcast for receivers registered later.
                    copyFields(st, intent, engine.objects.get(AbstractObject.Kind.INTENT, "broadcast:" + action, INTENT));
                }
                // An implicit intent no component of the app handles is meant for other apps.
                if (receivers.isEmpty()) {
                    internalOnly = false;
                }
            }
            for (String r : receivers) {
                copyFields(st, intent, incomingIntent(r));
            }
        }
        return internalOnly;
    }

    private boolean isComponent(String type, String kind) {
        for (EntryPoints.ComponentFacts c : facts.components()) {
            if (c.type().equals(type) && c.kind().equals(kind)) {
                return true;
            }
        }
        return false;
    }

    private boolean isDynamicReceiver(String type, String action) {
        for (String[] r : dynamicReceivers) {
            if (r[0].equals(type) && (action == null || r[1] == null || r[1].equals(action))) {
                return true;
            }
        }
        return false;
    }

    private void register(MethodState st, Value receiver, Value filter) {
        Set<String> actions = new LinkedHashSet<>();
        for (String t : engine.read(st, filter, engine.fields.id(Fields.TARGET)).strings()) {
            if (t.startsWith(ACTION_TARGET)) {
                actions.add(t.substring(ACTION_TARGET.length()));
            }
        }
        BitSet objs = receiver.objects();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            String type = engine.objects.get(o).type();
            if (!engine.isAppClass(type)) {
                continue;
            }
            if (actions.isEmpty()) {
                addReceiver(type, null);
            }
            for (String a : actions) {
                addReceiver(type, a);
                copyFields(st, Value.ofObject(engine.objects.get(AbstractObject.Kind.INTENT, "broadcast:" + a,
                        INTENT).id()), incomingIntent(type));
            }
        }
    }

    private void addReceiver(String type, String action) {
        for (String[] r : dynamicReceivers) {
            if (r[0].equals(type) && java.util.Objects.equals(r[1], action)) {
                return;
            }
        }
        dynamicReceivers.add(new String[] {type, action});
    }

    /** Copies every field of the objects {@code from} may be into {@code to} (joins). */
    private void copyFields(MethodState st, Value from, AbstractObject to) {
        Value target = Value.ofObject(to.id());
        engine.write(target, engine.fields.id(Fields.CONTENT), from.taintOnly());
        BitSet objs = from.objects();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            BitSet fs = engine.heap.fieldsOf(o, st.reader);
            for (int f = fs.nextSetBit(0); f >= 0; f = fs.nextSetBit(f + 1)) {
                engine.write(target, f, engine.heap.read(o, f, st.reader));
            }
        }
    }

    // ---- threads and tasks ----------------------------------------------------------------

    private TaintEngine.CallResult threads(MethodState st, Insn.Invoke call, Value[] args) {
        MethodRef ref = call.method();
        String name = ref.name();
        String owner = ref.owner();
        boolean isStatic = call.isStatic();
        int runs = engine.fields.id(Fields.RUNS);
        if (!isStatic && owner.equals("Ljava/lang/Thread;") && name.equals("<init>")) {
            for (int i = 1; i < args.length; i++) {
                if (ref.parameterTypes().get(i - 1).equals("Ljava/lang/Runnable;")) {
                    engine.write(args[0], runs, args[i]);
                }
            }
            return null;
        }
        if (!isStatic && name.equals("start") && ref.descriptor().equals("()V")
                && engine.hierarchy.isSubtype(owner, "Ljava/lang/Thread;")) {
            run(st, engine.read(st, args[0], runs), "run()V", new Value[0]);
            return TaintEngine.CallResult.NOTHING;
        }
        if (!isStatic && (name.equals("execute") || name.equals("executeOnExecutor"))
                && engine.hierarchy.isSubtype(owner, "Landroid/os/AsyncTask;")) {
            Value params = args[args.length - 1];
            Value result = run(st, args[0], "doInBackground([Ljava/lang/Object;)Ljava/lang/Object;",
                    new Value[] {params});
            run(st, args[0], "onPostExecute(Ljava/lang/Object;)V", new Value[] {result});
            return new TaintEngine.CallResult(args[0], Value.EMPTY, null);
        }
        // Executors, handlers, views, activities and timers run the Runnable, Callable or TimerTask they get.
        boolean runner = name.equals("execute") || name.equals("submit") || name.startsWith("post")
                || name.equals("runOnUiThread") || name.startsWith("schedule") || name.equals("invokeAll")
                || name.equals("invokeAny");
        if (!runner) {
            return null;
        }
        List<String> params = ref.parameterTypes();
        for (int i = 0; i < params.size(); i++) {
            String p = params.get(i);
            int a = i + (isStatic ? 0 : 1);
            if (p.equals("Ljava/lang/Runnable;") || p.equals("Ljava/util/TimerTask;")) {
                run(st, args[a], "run()V", new Value[0]);
            } else if (p.equals("Ljava/util/concurrent/Callable;")) {
                Value v = run(st, args[a], "call()Ljava/lang/Object;", new Value[0]);
                return new TaintEngine.CallResult(v, Value.EMPTY, null);
            }
        }
        return null;
    }

    /** Calls {@code signature} on every app object {@code receivers} may be; returns the joined results. */
    Value run(MethodState st, Value receivers, String signature, Value[] params) {
        Value out = Value.EMPTY;
        BitSet objs = receivers.objects();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            MethodDef m = engine.lookup(engine.objects.get(o).type(), signature, false);
            if (m != null && m.body() != null) {
                Value[] args = new Value[params.length + 1];
                args[0] = Value.ofObject(o);
                System.arraycopy(params, 0, args, 1, params.length);
                out = out.join(engine.callApp(st, m, args).value());
            }
        }
        return out;
    }

    // ---- reflection -----------------------------------------------------------------------

    private static final String METHOD_HANDLE = "method:";

    private TaintEngine.CallResult reflection(MethodState st, int index, Insn.Invoke call, Value[] args) {
        MethodRef ref = call.method();
        String owner = ref.owner();
        String name = ref.name();
        if ((owner.equals("Ljava/lang/Class;") && name.equals("forName"))
                || (name.equals("loadClass") && engine.hierarchy.isSubtype(owner, "Ljava/lang/ClassLoader;"))) {
            Value className = args[owner.equals("Ljava/lang/Class;") ? 0 : 1];
            Value out = Value.EMPTY;
            for (String s : className.strings()) {
                if (StringValues.isComplete(s)) {
                    out = out.join(Value.ofClass("L" + s.replace('.', '/') + ";"));
                }
            }
            if (out.isEmpty()) {
                engine.unanalysed("reflection", where(st));
            }
            return new TaintEngine.CallResult(out, Value.EMPTY, null);
        }
        if (name.equals("getClass") && ref.descriptor().equals("()Ljava/lang/Class;") && !call.isStatic()) {
            Value out = Value.EMPTY;
            BitSet objs = args[0].objects();
            for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
                out = out.join(Value.ofClass(engine.objects.get(o).type()));
            }
            return new TaintEngine.CallResult(out, Value.EMPTY, null);
        }
        if (owner.equals("Ljava/lang/Class;") && (name.equals("getMethod") || name.equals("getDeclaredMethod"))) {
            Set<String> handles = new TreeSet<>();
            for (String c : args[0].classes()) {
                for (String m : args[1].strings()) {
                    if (StringValues.isComplete(m)) {
                        handles.add(METHOD_HANDLE + c + "->" + m);
                    }
                }
            }
            if (handles.isEmpty()) {
                engine.unanalysed("reflection", where(st));
            }
            return new TaintEngine.CallResult(Value.ofConstants(handles, false), Value.EMPTY, null);
        }
        if (owner.equals("Ljava/lang/reflect/Method;") && name.equals("invoke")) {
            return invoke(st, index, args);
        }
        if (owner.equals("Ljava/lang/reflect/Method;") && name.equals("getDeclaringClass")) {
            Value out = Value.EMPTY;
            for (String h : args[0].strings()) {
                if (h.startsWith(METHOD_HANDLE)) {
                    out = out.join(Value.ofClass(h.substring(METHOD_HANDLE.length(), h.indexOf("->"))));
                }
            }
            return new TaintEngine.CallResult(out, Value.EMPTY, null);
        }
        if ((owner.equals("Ljava/lang/Class;") && name.equals("newInstance"))
                || (owner.equals("Ljava/lang/Class;") && (name.equals("getConstructor")
                || name.equals("getDeclaredConstructor")))) {
            if (name.startsWith("get")) {
                return new TaintEngine.CallResult(args[0].join(Value.EMPTY), Value.EMPTY, null);
            }
            return newInstance(st, index, args[0]);
        }
        if (owner.equals("Ljava/lang/reflect/Constructor;") && name.equals("newInstance")) {
            return newInstance(st, index, args[0]);
        }
        return null;
    }

    private TaintEngine.CallResult newInstance(MethodState st, int index, Value classes) {
        Value out = Value.EMPTY;
        for (String c : classes.classes()) {
            boolean isNew = !engine.objects.exists(AbstractObject.Kind.REFLECT, st.method.ref() + "@" + index + ":" + c);
            AbstractObject o = engine.objects.get(AbstractObject.Kind.REFLECT, st.method.ref() + "@" + index + ":" + c, c);
            if (isNew) {
                engine.entries.instantiated(o);
            }
            MethodDef init = engine.lookup(c, "<init>()V", true);
            if (init != null && init.body() != null) {
                engine.callApp(st, init, new Value[] {Value.ofObject(o.id())});
            }
            out = out.join(Value.ofObject(o.id()));
        }
        if (out.isEmpty()) {
            engine.unanalysed("reflection", where(st));
        }
        return new TaintEngine.CallResult(out, Value.EMPTY, null);
    }

    /** {@code method.invoke(receiver, args[])} for method handles with constant class and name. */
    private TaintEngine.CallResult invoke(MethodState st, int index, Value[] args) {
        Value out = Value.EMPTY;
        boolean resolved = false;
        Value receiver = args.length > 1 ? args[1] : Value.EMPTY;
        Value array = args.length > 2 ? args[2] : Value.EMPTY;
        for (String h : args[0].strings()) {
            if (!h.startsWith(METHOD_HANDLE)) {
                continue;
            }
            String cls = h.substring(METHOD_HANDLE.length(), h.indexOf("->"));
            String methodName = h.substring(h.indexOf("->") + 2);
            resolved = true;
            if (engine.isAppClass(cls)) {
                for (MethodDef m : methodsNamed(cls, methodName)) {
                    int n = m.ref().parameterTypes().size();
                    Value[] callArgs = new Value[n + (m.isStatic() ? 0 : 1)];
                    int k = 0;
                    if (!m.isStatic()) {
                        callArgs[k++] = receiver;
                    }
                    for (int p = 0; p < n; p++) {
                        callArgs[k++] = engine.readElement(st, array, Value.ofInt(p));
                    }
                    out = out.join(engine.callApp(st, m, callArgs).value());
                }
            } else {
                // A framework method called by name: sources and sinks still apply.
                Source chosen = null;
                for (Source s : engine.catalogs.sources().sources()) {
                    if (s.kind() == Source.Kind.CALL && s.method().owner().equals(cls)
                            && s.method().name().equals(methodName) && s.taint().target() == Taint.Target.RETURN
                            && s.argEquals() == null && (chosen == null
                            || s.method().parameterTypes().size() < chosen.method().parameterTypes().size())) {
                        chosen = s; // the overload with the fewest parameters: getDeviceId(), not getDeviceId(int)
                    }
                }
                if (chosen != null) {
                    out = out.join(Value.ofTaint(engine.label(chosen, st, index)));
                }
                for (var sink : engine.catalogs.sinks().sinks()) {
                    if (sink.sends() && sink.api().owner().equals(cls) && sink.api().name().equals(methodName)) {
                        BitSet taint = engine.fullTaint(array);
                        if (!taint.isEmpty()) {
                            engine.hit(taint, sink.api().toString(), sink.kind().id(), sink.channel(), st, index,
                                    List.of());
                        }
                        break;
                    }
                }
                out = out.join(Value.ofTaints(engine.fullTaint(array))).join(receiver.taintOnly());
            }
        }
        if (!resolved) {
            engine.unanalysed("reflection", where(st));
            out = Value.ofTaints(engine.fullTaint(array));
        }
        return new TaintEngine.CallResult(out, Value.EMPTY, null);
    }

    private List<MethodDef> methodsNamed(String type, String name) {
        List<MethodDef> out = new ArrayList<>();
        String t = type;
        while (t != null) {
            ClassDef c = engine.hierarchy.appClass(t);
            if (c == null) {
                break;
            }
            for (MethodDef m : c.methods()) {
                if (m.ref().name().equals(name) && m.body() != null) {
                    out.add(m);
                }
            }
            if (!out.isEmpty()) {
                break;
            }
            t = c.superType();
        }
        return out;
    }

    private static String where(MethodState st) {
        return TaintEngine.javaName(st.owner.type()) + "." + st.method.signature();
    }
}
