package org.leakscan.analysis.dataflow;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.leakscan.catalog.ContentUriSource;
import org.leakscan.catalog.MethodModel;
import org.leakscan.catalog.Sink;
import org.leakscan.catalog.SinkKind;
import org.leakscan.catalog.Source;
import org.leakscan.catalog.Taint;
import org.leakscan.catalog.TaintTransfer;
import org.leakscan.catalog.UriReader;
import org.leakscan.program.FieldRef;
import org.leakscan.program.Insn;
import org.leakscan.program.MethodDef;
import org.leakscan.program.MethodRef;
import org.leakscan.program.Types;

/**
 * What a call into library code does to data, from the catalogues: a source makes a new taint
 * label, a sink records a hit for every label its data arguments carry, a model moves data between
 * receiver, arguments and result, and an unmodelled call passes every argument's taint to its
 * result (the conservative default) unless the method is listed as neutral.
 */
final class LibraryCalls {

    /**
     * Sink channels that keep data in the app's own key-value and database stores: modelled (what
     * is stored can be read back), not reported. Files, even private ones, are reported: they can
     * be backed up, shared or read by other code.
     */
    private static final Set<String> PRIVATE_STORAGE = Set.of("file.prefs", "file.sqlite");

    /** Library methods that read every field of the objects they are given (serialisation). */
    private static final Set<String> SERIALIZERS = Set.of("writeObject", "writeParcelable", "writeSerializable",
            "writeValue", "toJson", "writeUnshared", "marshall");

    private final TaintEngine engine;

    LibraryCalls(TaintEngine engine) {
        this.engine = engine;
    }

    TaintEngine.CallResult call(MethodState st, int index, Insn.Invoke call, Value[] args, BitSet implicit) {
        MethodRef ref = call.method();
        Value[] updated = null;
        Value result = Value.EMPTY;
        boolean isStatic = call.isStatic();
        boolean accessor = false;

        Resolved resolved = resolve(ref);
        List<Source> sources = resolved.sources();
        if (sources != null) {
            for (Source s : sources) {
                if (s.argEquals() != null && !argumentMatches(s, args, isStatic)) {
                    continue;
                }
                Taint t = s.taint();
                if (s.accessor()) {
                    // Reading a coordinate or a name out of a source's object is where that datum is
                    // read (DroidBench counts these call sites): it gets its own label, instead of
                    // the object's.
                    accessor = true;
                }
                int label = engine.label(s, st, index);
                switch (t.target()) {
                    case RETURN -> result = result.join(resultObject(st, index, ref)).join(Value.ofTaint(label));
                    case ARGUMENT -> {
                        int a = t.index() - (isStatic ? 1 : 0);
                        if (a >= 0 && a < args.length) {
                            engine.write(args[a], engine.fields.id(Fields.ELEMENTS), Value.ofTaint(label));
                            engine.write(args[a], engine.fields.id(Fields.CONTENT), Value.ofTaint(label));
                            updated = updated == null ? new Value[args.length] : updated;
                            updated[a] = Value.ofTaint(label);
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        // Content-provider reads: the URI decides the data.
        UriReader reader = resolved.uriReader();
        if (reader != null) {
            int a = reader.uriArgument() - (isStatic ? 1 : 0);
            if (a >= 0 && a < args.length) {
                for (String uri : args[a].strings()) {
                    ContentUriSource u = engine.catalogs.sources().contentUriFor(uri).orElse(null);
                    if (u != null) {
                        int label = engine.label(u.dataType(), u.uri(), st.owner, st.method, index);
                        if (reader.taintsConstructedObject()) {
                            engine.write(args[0], engine.fields.id(Fields.CONTENT), Value.ofTaint(label));
                        } else {
                            result = result.join(resultObject(st, index, ref)).join(Value.ofTaint(label));
                        }
                    }
                }
            }
        }

        // Sinks.
        Sink sink = resolved.sink();
        if (sink != null) {
            sink(st, index, sink, args, isStatic, implicit);
        }

        // Data movement.
        MethodModel model = resolved.model();
        if (accessor) {
            // The accessor's own label replaces what the object carried.
            if (Types.isReference(ref.returnType())) {
                result = result.join(resultObject(st, index, ref));
            }
        } else if (model != null) {
            TaintEngine.CallResult moved = apply(st, index, ref, model, args, isStatic);
            result = result.join(moved.value());
            updated = merge(updated, moved.updatedArgs());
        } else if (sources == null || sources.isEmpty()) {
            result = result.join(unmodelled(st, index, ref, args, isStatic));
        }
        if (sink != null && sink.opens() != null) {
            Value opened = sink.opens().kind() == TaintTransfer.Endpoint.Kind.RETURN
                    ? result.join(resultObject(st, index, ref)) : receiver(args, isStatic);
            engine.write(opened, engine.fields.id(Fields.OPENED_BY),
                    Value.ofConstants(openerKeys(st, sink, args, isStatic), false));
            result = sink.opens().kind() == TaintTransfer.Endpoint.Kind.RETURN ? opened : result;
        }
        if (ref.name().equals("<init>") || !isValueType(ref.returnType())) {
            result = Destinations.propagate(engine, st, ref, sink, args, isStatic, result,
                    () -> resultObject(st, index, ref));
        }
        if (isValueType(ref.returnType())) {
            result = result.taintOnly(); // a string or number is a value: it holds no objects
        }
        if (model != null && model.transfers().isEmpty() && isCondition(ref)) {
            // A comparison, a length or a position of secret data is not the data, but a branch on
            // it decides what runs next: carry the labels so implicit flows can be followed.
            BitSet decided = new BitSet();
            for (Value a : args) {
                decided.or(engine.contentTaint(a));
                decided.or(a.implicitTaints());
            }
            result = result.join(Value.ofImplicit(decided));
        }
        result = result.join(StringValues.apply(engine, st, ref, args, isStatic));
        BitSet implicitInputs = new BitSet();
        for (Value a : args) {
            implicitInputs.or(a.implicitTaints());
        }
        if (!implicitInputs.isEmpty() && !ref.returnType().equals("V")) {
            // Whatever a call computes from inputs that depend on a secret test depends on it too.
            result = result.withImplicit(implicitInputs);
        }
        return new TaintEngine.CallResult(result, Value.EMPTY, updated);
    }

    /** True when a catalogue says anything about the method: source, sink, data movement, or nothing moves. */
    boolean describes(MethodRef ref) {
        Resolved r = resolve(ref);
        return r.sources() != null && !r.sources().isEmpty() || r.uriReader() != null || r.sink() != null || r.model() != null || r.neutral();
    }

    /** What the catalogues say about one library method reference, looked up once per reference. */
    private record Resolved(List<Source> sources, UriReader uriReader, Sink sink, MethodModel model, boolean neutral) {
    }

    private final java.util.Map<MethodRef, Resolved> resolved = new java.util.HashMap<>();

    private Resolved resolve(MethodRef ref) {
        Resolved r = resolved.get(ref);
        if (r == null) {
            List<Source> sources = engine.resolver.resolve(ref, (t, sig) -> {
                List<Source> s = engine.catalogs.sources().sourcesFor(t, sig);
                return s.isEmpty() ? null : s;
            });
            UriReader reader = engine.resolver.resolve(ref,
                    (t, sig) -> engine.catalogs.sources().uriReader(new MethodRef(t, ref.name(), ref.descriptor()))
                            .orElse(null));
            Sink sink = engine.resolver.resolve(ref, engine.catalogs.sinks()::sinkFor);
            MethodModel model = engine.catalogs.models().modelFor(ref, engine.hierarchy);
            boolean neutral = engine.catalogs.models().isNeutral(ref, engine.hierarchy);
            r = new Resolved(sources, reader, sink, model, neutral);
            resolved.put(ref, r);
        }
        return r;
    }

    /**
     * Native code is out of sight. A native method that returns data is taken to compute it from
     * its arguments (an identity-like function); one that returns nothing or a status flag consumes
     * what it is given, so tainted arguments reaching it are reported as a flow into native code.
     */
    TaintEngine.CallResult nativeCall(MethodState st, int index, Insn.Invoke call, MethodDef target, Value[] args) {
        BitSet taint = new BitSet();
        for (Value a : args) {
            taint.or(engine.fullTaint(a));
        }
        engine.unanalysed("native-method", TaintEngine.javaName(target.ref().owner()) + "." + target.signature());
        String returned = target.ref().returnType();
        if (!taint.isEmpty() && (returned.equals("V") || returned.equals("Z"))) {
            engine.hit(taint, target.ref().toString(), "native", "native.jni", st, index, List.of());
        }
        return new TaintEngine.CallResult(Value.ofTaints(taint), Value.EMPTY, null);
    }

    /** Values a source field gives (Build.SERIAL, content URI constants, System.out). */
    Value staticFieldValue(MethodState st, int index, FieldRef field) {
        Value out = Value.EMPTY;
        Source s = engine.resolver.resolveField(field, (t, key) -> {
            int colon = key.indexOf(':');
            return engine.catalogs.sources().fieldSource(new FieldRef(t, key.substring(0, colon), key.substring(colon + 1)))
                    .orElse(null);
        });
        if (s != null) {
            out = out.join(Value.ofTaint(engine.label(s, st, index)));
        }
        ContentUriSource uri = engine.catalogs.sources().contentUriForField(field).orElse(null);
        if (uri != null) {
            out = out.join(Value.ofConstant(uri.uri()));
        }
        if (field.owner().equals("Ljava/lang/System;") && (field.name().equals("out") || field.name().equals("err"))) {
            AbstractObject o = engine.objects.get(AbstractObject.Kind.FRAMEWORK, "System." + field.name(),
                    "Ljava/io/PrintStream;");
            Value stream = Value.ofObject(o.id());
            engine.write(stream, engine.fields.id(Fields.OPENED_BY), Value.ofConstant("log|log.stdout|" + field));
            out = out.join(stream);
        }
        return out;
    }

    /** An instance field source read on a library object (Account.name) that is not yet tainted. */
    Value fieldSource(MethodState st, int index, FieldRef field, Value base) {
        Source s = engine.catalogs.sources().fieldSource(field).orElse(null);
        if (s == null || (s.accessor() && base.isTainted())) {
            return Value.EMPTY;
        }
        return Value.ofTaint(engine.label(s, st, index));
    }

    /**
     * Records a hit for every label a sink's data arguments carry. When they carry none explicitly,
     * the labels that decided what they are, or whether the call runs at all ({@code implicit}),
     * make an implicit flow: the sink then reveals something of the data (a password check
     * logging "correct"). A sink that already sends data explicitly is not charged with the tests
     * that guard it (an emulator check before sending the IMEI leaks the IMEI, not the test).
     */
    private void sink(MethodState st, int index, Sink sink, Value[] args, boolean isStatic, BitSet implicit) {
        if (!sink.sends() || PRIVATE_STORAGE.contains(sink.channel())) {
            return;
        }
        BitSet taint = new BitSet();
        BitSet implicitTaint = (BitSet) implicit.clone();
        for (int a : sink.dataArgs()) {
            int k = a == 0 ? 0 : a - (isStatic ? 1 : 0);
            if ((a == 0 && isStatic) || k < 0 || k >= args.length) {
                continue;
            }
            taint.or(engine.contentTaint(args[k]));
            implicitTaint.or(args[k].implicitTaints());
        }
        if (taint.isEmpty()) {
            taint = implicitTaint;
        }
        if (MethodInterpreter.TRACE) {
            System.err.println("SINK " + sink.api() + " in " + st.method.ref() + " taint=" + taint + " args="
                    + java.util.Arrays.toString(args) + " implicit=" + implicit);
        }
        if (taint.isEmpty()) {
            return;
        }
        if (sink.streamWrite()) {
            // Where the stream leads decides the channel; an in-memory stream is no leak.
            for (String opener : openers(st, receiver(args, isStatic))) {
                String[] parts = opener.split("\\|", 4);
                if (parts[0].equals("file")) {
                    // What goes into a file can be read back by a later read of a file.
                    engine.write(engine.android.files(), engine.fields.id(Fields.CONTENT), Value.ofTaints(taint));
                }
                if (PRIVATE_STORAGE.contains(parts[1])) {
                    continue;
                }
                engine.hit(taint, parts[2], parts[0], parts[1], st, index,
                        parts.length > 3 && !parts[3].isEmpty() ? List.of(parts[3]) : List.of());
            }
            return;
        }
        List<String> destination = new ArrayList<>();
        for (int a : sink.destinationArgs()) {
            int k = a == 0 ? 0 : a - (isStatic ? 1 : 0);
            if (k >= 0 && k < args.length && !(a == 0 && isStatic)) {
                destination.addAll(Destinations.texts(engine, st, args[k]));
            }
        }
        engine.hit(taint, sink.api().toString(), sink.kind().id(), sink.channel(), st, index,
                List.copyOf(new TreeSet<>(destination)));
    }

    /** {@code kind|channel|api|destination} of the sinks that opened a stream, following wrappers. */
    private Set<String> openers(MethodState st, Value stream) {
        Set<String> out = new TreeSet<>();
        Value current = stream;
        for (int depth = 0; depth < 6 && !current.objects().isEmpty(); depth++) {
            out.addAll(engine.read(st, current, engine.fields.id(Fields.OPENED_BY)).strings());
            current = engine.read(st, current, engine.fields.id(Fields.WRAPS));
        }
        return out;
    }

    /** {@code kind|channel|api|destination}, one per destination text the sink's destination arguments name. */
    private Set<String> openerKeys(MethodState st, Sink sink, Value[] args, boolean isStatic) {
        Set<String> destinations = new TreeSet<>();
        for (int a : sink.destinationArgs()) {
            int k = a == 0 ? 0 : a - (isStatic ? 1 : 0);
            if (k >= 0 && k < args.length && !(a == 0 && isStatic)) {
                destinations.addAll(Destinations.texts(engine, st, args[k]));
            }
        }
        if (destinations.isEmpty()) {
            destinations.add("");
        }
        String kind = sink.kind() == SinkKind.STREAM ? "stream" : sink.kind().id();
        Set<String> out = new TreeSet<>();
        for (String d : destinations) {
            out.add(kind + "|" + sink.channel() + "|" + sink.api() + "|" + d);
        }
        return out;
    }

    private TaintEngine.CallResult apply(MethodState st, int index, MethodRef ref, MethodModel model, Value[] args,
                                         boolean isStatic) {
        Value result = Value.EMPTY;
        Value[] updated = null;
        int keyField = -1;
        boolean keyUnknown = false;
        if (model.keyArg() > 0) {
            int k = model.keyArg() - (isStatic ? 1 : 0);
            Set<String> keys = k >= 0 && k < args.length ? args[k].strings() : Set.of();
            if (keys.size() == 1 && !args[k].mayBeOtherString()) {
                keyField = engine.fields.key(keys.iterator().next());
            } else {
                keyUnknown = true;
            }
        }
        for (TaintTransfer t : model.transfersFor(ref, isStatic)) {
            Value from = switch (t.from().kind()) {
                case RECEIVER -> isStatic || args.length == 0 ? Value.EMPTY
                        : keyField >= 0 ? engine.read(st, args[0], keyField)
                                .join(engine.read(st, args[0], engine.fields.id(Fields.CONTENT)))
                                .join(args[0].taintOnly())
                        : engine.content(st, args[0]).withTaints(engine.contentTaint(args[0]));
                case ARG -> withContent(arg(args, t.from().index(), isStatic));
                case ALL_ARGS -> {
                    Value v = Value.EMPTY;
                    for (int k = isStatic ? 0 : 1; k < args.length; k++) {
                        v = v.join(withContent(args[k]));
                    }
                    yield v;
                }
                case RETURN -> Value.EMPTY;
            };
            if (from.isEmpty()) {
                continue;
            }
            switch (t.to().kind()) {
                case RETURN -> result = result.join(from.withoutConstants());
                case RECEIVER -> {
                    if (!isStatic && args.length > 0) {
                        int field = keyField >= 0 ? keyField : engine.fields.id(Fields.CONTENT);
                        engine.write(args[0], field, from);
                        if (keyUnknown || keyField < 0) {
                            engine.write(args[0], engine.fields.id(Fields.CONTENT), from);
                        }
                    }
                }
                case ARG -> {
                    int k = t.to().index() - (isStatic ? 1 : 0);
                    if (k >= 0 && k < args.length) {
                        engine.write(args[k], engine.fields.id(Fields.ELEMENTS), from);
                        engine.write(args[k], engine.fields.id(Fields.CONTENT), from);
                        updated = updated == null ? new Value[args.length] : updated;
                        updated[k] = from.taintOnly();
                    }
                }
                default -> {
                }
            }
        }
        if (model.returnsReceiver() && !isStatic && args.length > 0) {
            result = result.join(args[0]);
        }
        if (model.wrappedArg() > 0 && !isStatic) {
            Value wrapped = arg(args, model.wrappedArg(), false);
            engine.write(args[0], engine.fields.id(Fields.WRAPS), wrapped);
        }
        if (!result.isEmpty() && result.objects().isEmpty() && Types.isReference(ref.returnType())
                && !ref.isConstructor()) {
            // A new object (a copy, a list's element we never saw stored) still needs an identity.
            result = result.join(resultObject(st, index, ref));
        }
        return new TaintEngine.CallResult(result, Value.EMPTY, updated);
    }

    /** A value with what its objects hold as containers (array elements, list content) as its own taint. */
    private Value withContent(Value v) {
        return v.objects().isEmpty() ? v : v.withTaints(engine.contentTaint(v));
    }

    /** An unmodelled, non-neutral library call: the result carries everything the call was given. */
    private Value unmodelled(MethodState st, int index, MethodRef ref, Value[] args, boolean isStatic) {
        if (resolve(ref).neutral()) {
            return Types.isReference(ref.returnType()) ? resultObject(st, index, ref) : Value.EMPTY;
        }
        BitSet argTaint = new BitSet();
        boolean serializes = SERIALIZERS.contains(ref.name());
        for (int k = isStatic ? 0 : 1; k < args.length; k++) {
            // Only serialisers read an app object's own fields; other calls see what it holds as a container.
            argTaint.or(serializes ? engine.fullTaint(args[k]) : engine.contentTaint(args[k]));
        }
        if (!isStatic && args.length > 0 && !argTaint.isEmpty() && keepsArguments(ref)) {
            // A library object may keep what it is given (a builder, a container, an in-memory stream) ...
            Value containers = libraryObjects(args[0]);
            if (!containers.objects().isEmpty()) {
                engine.write(containers, engine.fields.id(Fields.CONTENT), Value.ofTaints(argTaint));
            }
        }
        BitSet all = (BitSet) argTaint.clone();
        if (!isStatic && args.length > 0 && !ref.isConstructor()) {
            all.or(engine.contentTaint(args[0]));
        }
        Value result = Value.ofTaints(all);
        if (Types.isReference(ref.returnType())) {
            result = result.join(resultObject(st, index, ref));
        }
        return result;
    }

    /**
     * ... but an app object or the framework's stand-in for one (an activity, a context) is not
     * a container: {@code activity.startActivity(intent)} does not put the intent's data into the
     * activity, where every later {@code getTheme()} or {@code getResources()} would find it.
     */
    private Value libraryObjects(Value v) {
        BitSet keep = new BitSet();
        BitSet objs = v.objects();
        for (int o = objs.nextSetBit(0); o >= 0; o = objs.nextSetBit(o + 1)) {
            AbstractObject a = engine.objects.get(o);
            boolean appObject = a.type() != null && engine.isAppClass(a.type());
            boolean standIn = a.kind() == AbstractObject.Kind.FRAMEWORK && a.type() != null
                    && TaintEngine.STAND_IN_TYPES.contains(a.type());
            if (!appObject && !standIn && a.kind() != AbstractObject.Kind.COMPONENT) {
                keep.set(o);
            }
        }
        return Value.ofObjects(keep);
    }

    /**
     * Whether the receiver of an unmodelled call may keep its arguments: not when the call is a
     * sink that hands the data out of the app (the data left; the object is a channel, not a
     * container), except a stream write, whose stream may be a buffer read back later.
     */
    private boolean keepsArguments(MethodRef ref) {
        var sink = resolve(ref).sink();
        return sink == null || sink.streamWrite();
    }

    /** A method whose result is a test or a measure of its inputs (boolean or number). */
    private static boolean isCondition(MethodRef ref) {
        String r = ref.returnType();
        return r.equals("Z") || r.equals("I") || r.equals("J");
    }

    /** Strings, boxed numbers and primitives: results that are data, not containers. */
    static boolean isValueType(String type) {
        return !Types.isReference(type) || type.equals("Ljava/lang/String;") || type.equals("Ljava/lang/CharSequence;")
                || type.equals("[B") || type.equals("[C") || type.startsWith("Ljava/lang/") && (type.equals("Ljava/lang/Integer;")
                || type.equals("Ljava/lang/Long;") || type.equals("Ljava/lang/Double;") || type.equals("Ljava/lang/Float;")
                || type.equals("Ljava/lang/Boolean;"));
    }

    Value resultObject(MethodState st, int index, MethodRef ref) {
        AbstractObject o = engine.objects.get(AbstractObject.Kind.RESULT, st.method.ref() + "@" + index,
                ref.returnType().startsWith("L") || ref.returnType().startsWith("[") ? ref.returnType() : null);
        return Value.ofObject(o.id());
    }

    private static Value receiver(Value[] args, boolean isStatic) {
        return isStatic || args.length == 0 ? Value.EMPTY : args[0];
    }

    /** Argument {@code n} counted from 1 without the receiver. */
    private static Value arg(Value[] args, int n, boolean isStatic) {
        int k = n - (isStatic ? 1 : 0);
        return k >= 0 && k < args.length ? args[k] : Value.EMPTY;
    }

    private static boolean argumentMatches(Source s, Value[] args, boolean isStatic) {
        Value v = arg(args, s.argEquals().argument(), isStatic);
        if (s.argEquals().isInteger()) {
            Long i = v.intConstant();
            return i != null && s.argEquals().matches(i);
        }
        for (String c : v.strings()) {
            if (s.argEquals().matches(c)) {
                return true;
            }
        }
        return false;
    }

    private static Value[] merge(Value[] a, Value[] b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        Value[] out = a.clone();
        for (int i = 0; i < out.length && i < b.length; i++) {
            out[i] = out[i] == null ? b[i] : b[i] == null ? out[i] : out[i].join(b[i]);
        }
        return out;
    }
}
